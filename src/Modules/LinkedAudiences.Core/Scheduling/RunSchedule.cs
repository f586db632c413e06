namespace LinkedAudiences.Core.Scheduling;

/// <summary>
/// When an audience runs (seeds: "Run schedule"): manual; an interval of 15m, 30m, 1h, 2h, 4h, 6h, 8h, 12h or 1d aligned
/// to the UTC clock grid; or chosen weekdays at a time of day (UTC).
/// </summary>
public sealed record RunSchedule
{
    public static readonly RunSchedule Manual = new() { Kind = RunScheduleKind.Manual };

    public RunScheduleKind Kind { get; init; } = RunScheduleKind.Manual;

    /// <summary>For <see cref="RunScheduleKind.Interval"/>: minutes, one of 15, 30, 60, 120, 240, 360, 480, 720, 1440.</summary>
    public int? IntervalMinutes { get; init; }

    /// <summary>For <see cref="RunScheduleKind.DayAndTime"/>.</summary>
    public IReadOnlyList<DayOfWeek> Days { get; init; } = [];

    /// <summary>For <see cref="RunScheduleKind.DayAndTime"/>: the time of day, UTC.</summary>
    public TimeOnly? TimeOfDay { get; init; }

    public static IReadOnlyList<int> SupportedIntervals { get; } = [15, 30, 60, 120, 240, 360, 480, 720, 1440];
}

public enum RunScheduleKind
{
    Manual,
    Interval,
    DayAndTime,
}
