namespace LinkedAudiences.Core.Scheduling;

/// <summary>When a schedule next fires, on the UTC clock (seeds: "Run schedule timing").</summary>
public static class RunScheduleCalculator
{
    /// <summary>
    /// The first instant strictly after <paramref name="after"/> at which <paramref name="schedule"/> fires, in UTC;
    /// null for a manual schedule. Intervals sit on the grid of multiples of the interval counted from 00:00 UTC (every
    /// supported interval divides a day, so the grid is the same every day and 1 day means the next 00:00 UTC); day and
    /// time is the next chosen weekday at the time of day, UTC — today when that time is still ahead.
    /// </summary>
    /// <exception cref="ArgumentException">The schedule is invalid (see <see cref="RunScheduleValidator"/>).</exception>
    public static DateTimeOffset? NextRun(RunSchedule schedule, DateTimeOffset after)
    {
        var validation = RunScheduleValidator.Validate(schedule);
        if (!validation.IsValid)
        {
            throw new ArgumentException(validation.Errors[0].Message, nameof(schedule));
        }

        var utc = after.ToUniversalTime();
        return schedule.Kind switch
        {
            RunScheduleKind.Interval => NextGridPoint(utc, TimeSpan.FromMinutes(schedule.IntervalMinutes!.Value)),
            RunScheduleKind.DayAndTime => NextDayAndTime(utc, schedule.Days, schedule.TimeOfDay!.Value),
            _ => null,
        };
    }

    private static DateTimeOffset NextGridPoint(DateTimeOffset utc, TimeSpan interval)
    {
        var midnight = new DateTimeOffset(utc.Date, TimeSpan.Zero);
        var elapsed = utc - midnight;
        // Whole intervals already begun today, plus one: strictly after, even when utc sits exactly on a grid point.
        var next = (elapsed.Ticks / interval.Ticks) + 1;
        return midnight + (interval * next);
    }

    private static DateTimeOffset NextDayAndTime(DateTimeOffset utc, IReadOnlyList<DayOfWeek> days, TimeOnly timeOfDay)
    {
        var midnight = new DateTimeOffset(utc.Date, TimeSpan.Zero);
        // Day 0 is today (when the time is still ahead); day 7 is today's weekday again, next week.
        for (var day = 0; day <= 7; day++)
        {
            var candidate = midnight.AddDays(day) + timeOfDay.ToTimeSpan();
            if (candidate > utc && days.Contains(candidate.DayOfWeek))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("A valid day-and-time schedule always fires within a week.");
    }
}
