using System.Globalization;
using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Scheduling;

/// <summary>Checks a run schedule; every error names the field (<c>schedule.intervalMinutes</c>, <c>schedule.days</c>, <c>schedule.timeOfDay</c>).</summary>
public static class RunScheduleValidator
{
    /// <summary>The <see cref="ValidationError.Rule"/> of every schedule error.</summary>
    public const string InvalidSchedule = "invalid-schedule";

    /// <param name="schedule">The schedule; null is an error too.</param>
    /// <param name="path">Where the schedule sits in its document; errors are reported under it.</param>
    public static ValidationResult Validate(RunSchedule? schedule, string path = "$.schedule")
    {
        ArgumentNullException.ThrowIfNull(path);
        var errors = new ValidationErrorList();
        if (schedule is null)
        {
            Add(errors, path, string.Empty, "is required: manual, interval or dayAndTime.");
            return errors.ToResult();
        }

        switch (schedule.Kind)
        {
            case RunScheduleKind.Manual:
                break;
            case RunScheduleKind.Interval:
                if (schedule.IntervalMinutes is not { } minutes || !RunSchedule.SupportedIntervals.Contains(minutes))
                {
                    var got = schedule.IntervalMinutes is { } m ? m.ToString(CultureInfo.InvariantCulture) : "nothing";
                    Add(errors, path, ".intervalMinutes",
                        $"must be one of {string.Join(", ", RunSchedule.SupportedIntervals)} (minutes: 15 minutes to 1 day); got {got}.");
                }

                break;
            case RunScheduleKind.DayAndTime:
                if (schedule.Days is not { Count: > 0 } days)
                {
                    Add(errors, path, ".days", "must name at least one weekday for a day-and-time schedule.");
                }
                else if (days.Where(d => !Enum.IsDefined(d)).Select(d => (int?)d).FirstOrDefault() is { } bad)
                {
                    Add(errors, path, ".days", $"holds {bad.ToString(CultureInfo.InvariantCulture)}, which is not a weekday.");
                }

                if (schedule.TimeOfDay is null)
                {
                    Add(errors, path, ".timeOfDay", "is required for a day-and-time schedule (HH:mm:ss, UTC).");
                }

                break;
            default:
                Add(errors, path, ".kind", $"must be manual, interval or dayAndTime; got {(int)schedule.Kind}.");
                break;
        }

        return errors.ToResult();
    }

    private static void Add(ValidationErrorList errors, string path, string field, string rest)
    {
        var fullPath = path + field;
        var name = fullPath.StartsWith("$.", StringComparison.Ordinal) ? fullPath[2..] : fullPath;
        errors.Add(fullPath, InvalidSchedule, name + " " + rest);
    }
}
