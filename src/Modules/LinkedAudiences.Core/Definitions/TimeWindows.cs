namespace LinkedAudiences.Core.Definitions;

/// <summary>
/// The bounds of a window at an as-of time (SEMANTICS.md 1-2): "within the last N days" keeps
/// as_of - N days ≤ ts ≤ as_of; "between dates" keeps whole days, from ≤ date(ts) ≤ to.
/// Timestamps are UTC without a zone (Kind Unspecified), as warehouses store them.
/// </summary>
public static class TimeWindows
{
    public static (DateTime FromInclusive, DateTime ToInclusive) LastDays(DateTime asOf, int days) =>
        (asOf.AddDays(-days), asOf);

    public static (DateOnly FromInclusive, DateOnly ToInclusive) LastDaysAsDates(DateTime asOf, int days) =>
        (DateOnly.FromDateTime(asOf.AddDays(-days)), DateOnly.FromDateTime(asOf));

    /// <summary>Between dates as a half-open timestamp range [from 00:00, to + 1 day 00:00).</summary>
    public static (DateTime FromInclusive, DateTime ToExclusive) Between(DateOnly from, DateOnly to) =>
        (from.ToDateTime(TimeOnly.MinValue), to.AddDays(1).ToDateTime(TimeOnly.MinValue));

    /// <summary>Normalises an as-of instant to the form timestamps are compared in.</summary>
    public static DateTime Normalize(DateTimeOffset asOf) => DateTime.SpecifyKind(asOf.UtcDateTime, DateTimeKind.Unspecified);
}
