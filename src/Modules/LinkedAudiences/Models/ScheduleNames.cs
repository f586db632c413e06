using LinkedAudiences.Core.Scheduling;

namespace LinkedAudiences.Models;

/// <summary>Schedule kinds as the JSON contracts spell them (manual, interval, dayAndTime).</summary>
public static class ScheduleNames
{
    public static string Of(RunScheduleKind kind) => kind switch
    {
        RunScheduleKind.Interval => "interval",
        RunScheduleKind.DayAndTime => "dayAndTime",
        _ => "manual",
    };
}
