namespace LinkedAudiences.Core.Demo;

/// <summary>
/// Times relative to the anchor, at whole seconds (DuckDB and PostgreSQL both keep microseconds; .NET ticks are
/// finer, so whole seconds round-trip exactly). Activity is weighted towards the recent past so that
/// "within the last 30/90 days" windows have plenty of members.
/// </summary>
internal sealed class DemoClock(DateTimeOffset anchor)
{
    public const int SpanDays = 730;
    private const long SecondsPerDay = 86_400;

    /// <summary>The anchor as warehouses store timestamps: UTC, Kind Unspecified.</summary>
    public DateTime Anchor { get; } = DateTime.SpecifyKind(anchor.UtcDateTime, DateTimeKind.Unspecified);

    public DateOnly AnchorDate => DateOnly.FromDateTime(Anchor);

    /// <summary>About 25% within the last 30 days, 20% within 30-90 days, the rest spread over the two years.</summary>
    public DateTime Recent(ref DemoRandom random) => Anchor.AddSeconds(-RecentSecondsAgo(ref random));

    /// <summary>Uniform over the two years before the anchor.</summary>
    public DateTime Uniform(ref DemoRandom random) => Anchor.AddSeconds(-random.Between(1, SpanDays * SecondsPerDay));

    /// <summary>A date with the same weighting as <see cref="Recent"/>; may be the anchor's own day.</summary>
    public DateOnly RecentDate(ref DemoRandom random) => DateOnly.FromDateTime(Anchor.AddSeconds(-RecentSecondsAgo(ref random) + 1));

    public static TimeOnly TimeOfDay(ref DemoRandom random, int fromHour, int toHourExclusive) =>
        new(random.Between(fromHour, toHourExclusive - 1), random.Between(0, 59), random.Between(0, 59));

    /// <summary>ISO-8601 UTC with a Z, as event pipelines write timestamps into JSON.</summary>
    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static long RecentSecondsAgo(ref DemoRandom random) => random.Weighted([25, 20, 55]) switch
    {
        0 => random.Between(1, 30 * SecondsPerDay),
        1 => random.Between((30 * SecondsPerDay) + 1, 90 * SecondsPerDay),
        _ => random.Between((90 * SecondsPerDay) + 1, SpanDays * SecondsPerDay),
    };
}
