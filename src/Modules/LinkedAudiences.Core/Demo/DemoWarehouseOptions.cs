namespace LinkedAudiences.Core.Demo;

/// <summary>What to generate: the same (seed, profiles, anchor) always gives the same rows.</summary>
public sealed record DemoWarehouseOptions
{
    /// <summary>The demo world's "now": 2026-11-01T00:00:00Z. Data spans the two years before it; tests evaluate as of it.</summary>
    public static DateTimeOffset DefaultAnchor { get; } = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Number of profiles; every other table scales with it (about 25 rows per profile in all).</summary>
    public required int Profiles { get; init; }

    /// <summary>Seed of every random stream. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Every timestamp lies before this instant, most of them within two years of it. Default <see cref="DefaultAnchor"/>.</summary>
    public DateTimeOffset Anchor { get; init; } = DefaultAnchor;
}
