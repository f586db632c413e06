using LinkedAudiences.Core.Scheduling;

namespace LinkedAudiences.Core.Tests.Scheduling;

public sealed class RunScheduleValidatorTests
{
    [Theory]
    [InlineData(15)]
    [InlineData(30)]
    [InlineData(60)]
    [InlineData(120)]
    [InlineData(240)]
    [InlineData(360)]
    [InlineData(480)]
    [InlineData(720)]
    [InlineData(1440)]
    public void Validate_SupportedInterval_IsValid(int minutes)
    {
        var result = RunScheduleValidator.Validate(new RunSchedule { Kind = RunScheduleKind.Interval, IntervalMinutes = minutes });

        Assert.True(result.IsValid, result.ToString());
    }

    [Theory]
    [InlineData(45)]
    [InlineData(0)]
    [InlineData(-15)]
    [InlineData(10)]
    [InlineData(2880)]
    [InlineData(null)]
    public void Validate_UnsupportedInterval_NamesIntervalMinutesAndTheChoices(int? minutes)
    {
        var result = RunScheduleValidator.Validate(new RunSchedule { Kind = RunScheduleKind.Interval, IntervalMinutes = minutes });

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.schedule.intervalMinutes", error.Path);
        Assert.Equal(RunScheduleValidator.InvalidSchedule, error.Rule);
        Assert.StartsWith("schedule.intervalMinutes must be one of 15, 30, 60, 120, 240, 360, 480, 720, 1440", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("got " + (minutes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing") + ".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DayAndTimeWithoutDaysOrTime_ReportsBothFields()
    {
        var result = RunScheduleValidator.Validate(new RunSchedule { Kind = RunScheduleKind.DayAndTime });

        Assert.Equal(["$.schedule.days", "$.schedule.timeOfDay"], result.Errors.Select(e => e.Path));
        Assert.StartsWith("schedule.days must name at least one weekday", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("schedule.timeOfDay is required", result.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DayThatIsNotAWeekday_NamesDays()
    {
        var result = RunScheduleValidator.Validate(new RunSchedule
        {
            Kind = RunScheduleKind.DayAndTime,
            Days = [DayOfWeek.Monday, (DayOfWeek)9],
            TimeOfDay = new TimeOnly(8, 0),
        });

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.schedule.days", error.Path);
        Assert.Equal("schedule.days holds 9, which is not a weekday.", error.Message);
    }

    [Fact]
    public void Validate_DayAndTime_IsValid()
    {
        var result = RunScheduleValidator.Validate(new RunSchedule
        {
            Kind = RunScheduleKind.DayAndTime,
            Days = [DayOfWeek.Monday, DayOfWeek.Thursday],
            TimeOfDay = new TimeOnly(8, 0),
        });

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void Validate_ManualAndNull_ManualValidNullRequired()
    {
        Assert.True(RunScheduleValidator.Validate(RunSchedule.Manual).IsValid);
        var error = Assert.Single(RunScheduleValidator.Validate(null).Errors);
        Assert.Equal("$.schedule", error.Path);
        Assert.StartsWith("schedule is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnderAnotherPath_ReportsUnderIt()
    {
        var result = RunScheduleValidator.Validate(new RunSchedule { Kind = RunScheduleKind.Interval, IntervalMinutes = 5 }, "$.settings.schedule");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.settings.schedule.intervalMinutes", error.Path);
        Assert.StartsWith("settings.schedule.intervalMinutes must be one of", error.Message, StringComparison.Ordinal);
    }
}
