using System.Globalization;
using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Core.State;
using LinkedAudiences.Models;

namespace LinkedAudiences.ViewModels;

/// <summary>How the audience screens write times, durations, statuses and schedules (UTC, invariant).</summary>
public static class AudienceFormat
{
    public static string Utc(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "—";

    public static string Utc(string? roundTrip) =>
        DateTimeOffset.TryParseExact(roundTrip, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? Utc(at) : "—";

    public static string Seconds(TimeSpan? span) =>
        span is { } s ? s.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s" : "—";

    public static string Count(long? count) => count?.ToString("N0", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>TheAdmin (Bootstrap 5) badge colour of a status.</summary>
    public static string BadgeClass(AudienceStatus status) => status switch
    {
        AudienceStatus.Live => "text-bg-success",
        AudienceStatus.Computing => "text-bg-info",
        AudienceStatus.Failed => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    public static string Schedule(LinkedAudiencePart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return part.ScheduleKind switch
        {
            RunScheduleKind.Interval when part.IntervalMinutes is { } m => m % 60 == 0
                ? string.Create(CultureInfo.InvariantCulture, $"Every {m / 60} hour{(m == 60 ? "" : "s")}")
                : string.Create(CultureInfo.InvariantCulture, $"Every {m} minutes"),
            RunScheduleKind.DayAndTime => $"{string.Join(", ", (part.Days ?? []).Select(d => d.ToString()[..3]))} at {part.TimeOfDay ?? "?"} UTC",
            _ => "Manual",
        };
    }

    public static string Channel(string channel) => channel switch
    {
        AudienceAlertChannels.Slack => "Slack",
        AudienceAlertChannels.Email => "Email",
        _ => "In-app",
    };
}
