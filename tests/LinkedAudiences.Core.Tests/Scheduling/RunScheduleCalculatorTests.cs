using System.Globalization;
using LinkedAudiences.Core.Scheduling;

namespace LinkedAudiences.Core.Tests.Scheduling;

public sealed class RunScheduleCalculatorTests
{
    private static DateTimeOffset T(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static RunSchedule Interval(int minutes) => new() { Kind = RunScheduleKind.Interval, IntervalMinutes = minutes };

    private static RunSchedule DayAndTime(string time, params DayOfWeek[] days) =>
        new() { Kind = RunScheduleKind.DayAndTime, Days = days, TimeOfDay = TimeOnly.Parse(time, CultureInfo.InvariantCulture) };

    [Fact]
    public void NextRun_Manual_IsNull()
    {
        Assert.Null(RunScheduleCalculator.NextRun(RunSchedule.Manual, T("2026-11-02T10:07:00Z")));
    }

    // 2026-11-01 is a Sunday, 2026-11-07 a Saturday, 2026-12-31 a Thursday. Each interval: just before a grid point,
    // exactly on one (strictly after → the next), just after one, and across midnight / a week / a year.
    public static TheoryData<int, string, string> IntervalCases => new()
    {
        { 15, "2026-11-02T10:07:00Z", "2026-11-02T10:15:00Z" },
        { 15, "2026-11-02T10:14:59.999Z", "2026-11-02T10:15:00Z" },
        { 15, "2026-11-02T10:15:00Z", "2026-11-02T10:30:00Z" },
        { 15, "2026-11-02T10:15:00.001Z", "2026-11-02T10:30:00Z" },
        { 15, "2026-11-01T23:50:00Z", "2026-11-02T00:00:00Z" },
        { 30, "2026-11-02T10:29:59Z", "2026-11-02T10:30:00Z" },
        { 30, "2026-11-02T10:30:00Z", "2026-11-02T11:00:00Z" },
        { 30, "2026-11-02T10:30:00.0000001Z", "2026-11-02T11:00:00Z" },
        { 30, "2026-12-31T23:30:00Z", "2027-01-01T00:00:00Z" },
        { 60, "2026-11-02T10:59:59.9999999Z", "2026-11-02T11:00:00Z" },
        { 60, "2026-11-02T11:00:00Z", "2026-11-02T12:00:00Z" },
        { 60, "2026-11-02T11:00:00.0000001Z", "2026-11-02T12:00:00Z" },
        { 60, "2026-11-07T23:00:00Z", "2026-11-08T00:00:00Z" },
        { 120, "2026-11-02T09:59:00Z", "2026-11-02T10:00:00Z" },
        { 120, "2026-11-02T10:00:00Z", "2026-11-02T12:00:00Z" },
        { 120, "2026-11-02T11:00:00Z", "2026-11-02T12:00:00Z" },
        { 120, "2026-11-01T22:00:00Z", "2026-11-02T00:00:00Z" },
        { 240, "2026-11-02T07:59:59Z", "2026-11-02T08:00:00Z" },
        { 240, "2026-11-02T08:00:00Z", "2026-11-02T12:00:00Z" },
        { 240, "2026-11-02T08:00:01Z", "2026-11-02T12:00:00Z" },
        { 240, "2026-11-07T21:00:00Z", "2026-11-08T00:00:00Z" },
        { 360, "2026-11-02T05:59:59Z", "2026-11-02T06:00:00Z" },
        { 360, "2026-11-02T06:00:00Z", "2026-11-02T12:00:00Z" },
        { 360, "2026-11-02T18:00:01Z", "2026-11-03T00:00:00Z" },
        { 360, "2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z" },
        { 480, "2026-11-02T07:59:00Z", "2026-11-02T08:00:00Z" },
        { 480, "2026-11-02T08:00:00Z", "2026-11-02T16:00:00Z" },
        { 480, "2026-11-02T15:00:00Z", "2026-11-02T16:00:00Z" },
        { 480, "2026-11-01T16:00:00.001Z", "2026-11-02T00:00:00Z" },
        { 720, "2026-11-02T11:59:59Z", "2026-11-02T12:00:00Z" },
        { 720, "2026-11-02T12:00:00Z", "2026-11-03T00:00:00Z" },
        { 720, "2026-11-02T00:00:00Z", "2026-11-02T12:00:00Z" },
        { 720, "2026-11-01T13:00:00Z", "2026-11-02T00:00:00Z" },
        { 1440, "2026-11-01T23:59:59.999Z", "2026-11-02T00:00:00Z" },
        { 1440, "2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z" },
        { 1440, "2026-11-02T00:00:00.001Z", "2026-11-03T00:00:00Z" },
        { 1440, "2026-12-31T12:00:00Z", "2027-01-01T00:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(IntervalCases))]
    public void NextRun_Interval_IsNextUtcGridPointStrictlyAfter(int minutes, string after, string expected)
    {
        var next = RunScheduleCalculator.NextRun(Interval(minutes), T(after));

        Assert.Equal(T(expected), next);
        Assert.Equal(TimeSpan.Zero, next!.Value.Offset);
    }

    [Fact]
    public void NextRun_Interval_CoversEverySupportedInterval()
    {
        var covered = IntervalCases.Select(row => (int)row[0]).Distinct().Order();

        Assert.Equal(RunSchedule.SupportedIntervals, covered);
    }

    [Theory]
    // The seeds' example: a 24-hour interval set at 4 PM Pacific runs at 00:00 UTC, which is 5 PM (PDT) that day.
    [InlineData("2026-07-15T16:00:00-07:00", "2026-07-15T17:00:00-07:00")]
    // Set after 5 PM: the following day at 5 PM.
    [InlineData("2026-07-15T17:30:00-07:00", "2026-07-16T17:00:00-07:00")]
    // In winter (PST) 00:00 UTC is 4 PM.
    [InlineData("2026-01-15T15:00:00-08:00", "2026-01-15T16:00:00-08:00")]
    public void NextRun_DailyIntervalSetInPacificTime_RunsAtMidnightUtc(string setAt, string expected)
    {
        var next = RunScheduleCalculator.NextRun(Interval(1440), T(setAt));

        Assert.Equal(T(expected), next);
        Assert.Equal(new TimeOnly(0, 0), TimeOnly.FromDateTime(next!.Value.UtcDateTime));
    }

    [Fact]
    public void NextRun_IntervalFromAnotherOffset_AlignsOnUtcNotLocalGrid()
    {
        // 10:20 at +05:30 is 04:50 UTC: the next 4-hour point is 08:00 UTC (13:30 local), not 12:00 local.
        var next = RunScheduleCalculator.NextRun(Interval(240), T("2026-11-02T10:20:00+05:30"));

        Assert.Equal(T("2026-11-02T08:00:00Z"), next);
    }

    [Fact]
    public void NextRun_EveryInterval_MatchesMinuteByMinuteSearch()
    {
        var random = new Random(20261102);
        var origin = T("2026-01-01T00:00:00Z");
        foreach (var minutes in RunSchedule.SupportedIntervals)
        {
            for (var i = 0; i < 300; i++)
            {
                // Random instants over a year, a third of them exactly on a whole minute (often a grid point).
                var ticks = (long)(random.NextDouble() * TimeSpan.FromDays(365).Ticks);
                var after = origin.AddTicks(i % 3 == 0 ? ticks - (ticks % TimeSpan.TicksPerMinute) : ticks);

                Assert.Equal(BruteForce(after, minutes), RunScheduleCalculator.NextRun(Interval(minutes), after));
            }
        }
    }

    /// <summary>Independent of the calculator: walk whole UTC minutes until one is after and on the grid.</summary>
    private static DateTimeOffset BruteForce(DateTimeOffset after, int minutes)
    {
        var t = after.AddTicks(-(after.Ticks % TimeSpan.TicksPerMinute));
        while (t <= after || ((t.Hour * 60) + t.Minute) % minutes != 0)
        {
            t = t.AddMinutes(1);
        }

        return t;
    }

    public static TheoryData<DayOfWeek[], string, string, string> DayAndTimeCases => new()
    {
        // Today, while the time is still ahead; exactly at it or after it: next week.
        { [DayOfWeek.Monday], "08:00", "2026-11-02T07:59:59Z", "2026-11-02T08:00:00Z" },
        { [DayOfWeek.Monday], "08:00", "2026-11-02T08:00:00Z", "2026-11-09T08:00:00Z" },
        { [DayOfWeek.Monday], "08:00", "2026-11-02T09:00:00Z", "2026-11-09T08:00:00Z" },
        // Several days: the next chosen one; past Friday wraps to Monday of the next week.
        { [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], "08:00", "2026-11-03T12:00:00Z", "2026-11-04T08:00:00Z" },
        { [DayOfWeek.Friday, DayOfWeek.Monday, DayOfWeek.Wednesday], "08:00", "2026-11-04T07:00:00Z", "2026-11-04T08:00:00Z" },
        { [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], "08:00", "2026-11-06T08:00:01Z", "2026-11-09T08:00:00Z" },
        // Saturday night to Sunday; midnight itself.
        { [DayOfWeek.Sunday], "23:30", "2026-11-07T23:59:00Z", "2026-11-08T23:30:00Z" },
        { [DayOfWeek.Sunday], "00:00", "2026-11-07T23:59:00Z", "2026-11-08T00:00:00Z" },
        // Across the year.
        { [DayOfWeek.Friday], "06:15", "2026-12-31T10:00:00Z", "2027-01-01T06:15:00Z" },
        { [DayOfWeek.Thursday], "06:15", "2026-12-31T10:00:00Z", "2027-01-07T06:15:00Z" },
        // Every day; seconds in the time of day.
        { [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday], "12:00", "2026-11-02T12:00:00Z", "2026-11-03T12:00:00Z" },
        { [DayOfWeek.Tuesday], "08:00:30", "2026-11-03T08:00:29Z", "2026-11-03T08:00:30Z" },
        // Days and time are UTC: Monday 01:00 at +09:00 is still Sunday in UTC.
        { [DayOfWeek.Monday], "08:00", "2026-11-02T01:00:00+09:00", "2026-11-02T08:00:00Z" },
        { [DayOfWeek.Sunday], "20:00", "2026-11-01T13:00:00-08:00", "2026-11-08T20:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(DayAndTimeCases))]
    public void NextRun_DayAndTime_IsNextChosenWeekdayAtTimeUtc(DayOfWeek[] days, string time, string after, string expected)
    {
        var next = RunScheduleCalculator.NextRun(DayAndTime(time, days), T(after));

        Assert.Equal(T(expected), next);
        Assert.Equal(TimeSpan.Zero, next!.Value.Offset);
    }

    [Fact]
    public void NextRun_DayAndTime_IsAlwaysAChosenDayWithinAWeek()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var days = Enum.GetValues<DayOfWeek>().Where(_ => random.Next(3) == 0).DefaultIfEmpty(DayOfWeek.Wednesday).ToArray();
            var time = new TimeOnly(random.Next(24), random.Next(60));
            var after = T("2026-01-01T00:00:00Z").AddMinutes(random.Next(60 * 24 * 365));

            var next = RunScheduleCalculator.NextRun(DayAndTime(time.ToString("HH:mm", CultureInfo.InvariantCulture), days), after)!.Value;

            Assert.True(next > after && next <= after.AddDays(7), $"{next:O} after {after:O}");
            Assert.Contains(next.DayOfWeek, days);
            Assert.Equal(time, TimeOnly.FromTimeSpan(next.TimeOfDay));
            // Nothing earlier qualifies: the day before the answer at that time is either not after, or not chosen.
            var earlier = next.AddDays(-1);
            Assert.True(earlier <= after || !days.Contains(earlier.DayOfWeek));
        }
    }

    [Fact]
    public void NextRun_InvalidSchedule_ThrowsWithTheFieldName()
    {
        var error = Assert.Throws<ArgumentException>(() => RunScheduleCalculator.NextRun(Interval(45), T("2026-11-02T10:00:00Z")));

        Assert.Contains("schedule.intervalMinutes", error.Message, StringComparison.Ordinal);
    }
}
