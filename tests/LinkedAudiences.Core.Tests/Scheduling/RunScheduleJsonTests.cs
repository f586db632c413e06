using System.Text.Json;
using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Core.Serialization;

namespace LinkedAudiences.Core.Tests.Scheduling;

public sealed class RunScheduleJsonTests
{
    [Fact]
    public void Serialize_DayAndTime_WritesTimeAsHhMmSsAndDaysAsNames()
    {
        var schedule = new RunSchedule { Kind = RunScheduleKind.DayAndTime, Days = [DayOfWeek.Monday, DayOfWeek.Friday], TimeOfDay = new TimeOnly(8, 30) };

        var json = LinkedAudiencesJson.Serialize(schedule, indented: false);

        Assert.Equal("""{"kind":"dayAndTime","days":["monday","friday"],"timeOfDay":"08:30:00"}""", json);
    }

    [Fact]
    public void Deserialize_DayAndTime_RoundTrips()
    {
        var schedule = new RunSchedule { Kind = RunScheduleKind.DayAndTime, Days = [DayOfWeek.Sunday, DayOfWeek.Wednesday], TimeOfDay = new TimeOnly(23, 45, 10) };

        var back = JsonSerializer.Deserialize<RunSchedule>(LinkedAudiencesJson.Serialize(schedule), LinkedAudiencesJson.Options)!;

        Assert.Equal(RunScheduleKind.DayAndTime, back.Kind);
        Assert.Equal(schedule.Days, back.Days);
        Assert.Equal(schedule.TimeOfDay, back.TimeOfDay);
        Assert.Null(back.IntervalMinutes);
    }

    [Theory]
    [InlineData("""{"kind":"interval","intervalMinutes":240}""", RunScheduleKind.Interval, 240)]
    [InlineData("""{"kind":"manual"}""", RunScheduleKind.Manual, null)]
    public void Deserialize_IntervalAndManual_ReadsAndWritesTheSameJson(string json, RunScheduleKind kind, int? minutes)
    {
        var schedule = JsonSerializer.Deserialize<RunSchedule>(json, LinkedAudiencesJson.Options)!;

        Assert.Equal(kind, schedule.Kind);
        Assert.Equal(minutes, schedule.IntervalMinutes);
        Assert.Empty(schedule.Days);
        Assert.Equal(json.Replace("}", ",\"days\":[]}", StringComparison.Ordinal), LinkedAudiencesJson.Serialize(schedule, indented: false));
    }

    [Fact]
    public void Deserialize_UnknownDayName_IsRefused()
    {
        Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<RunSchedule>("""{"kind":"dayAndTime","days":["funday"],"timeOfDay":"08:00:00"}""", LinkedAudiencesJson.Options));
    }
}
