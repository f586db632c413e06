using System.Globalization;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.State;

namespace LinkedAudiences.Core.Delivery.Alerts;

/// <summary>Decides whether an alert fires now: compares the last 24 hours with the 24 hours before (event health) or the audience size now with 24 hours ago.</summary>
public sealed class AlertEvaluator(IDeliveryStore deliveries, IRunStore runs, TimeProvider time)
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    public async Task<AlertFinding?> EvaluateAsync(AlertRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var now = time.GetUtcNow();
        var (previous, current) = rule.Kind switch
        {
            AlertKind.EventHealth => await DeliveredAsync(rule, now, cancellationToken),
            AlertKind.AudienceSize => await SizesAsync(rule, now, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, null),
        };
        if (previous is null || current is null)
        {
            return null;
        }

        double? change = previous == 0 ? null : 100.0 * (current.Value - previous.Value) / previous.Value;
        var fires = change is { } c ? Math.Abs(c) > rule.ThresholdPercent : current > 0;
        if (!fires)
        {
            return null;
        }

        var what = rule.Kind == AlertKind.EventHealth
            ? $"Activation '{rule.ActivationKey}' of audience '{rule.AudienceKey}' delivered {current} events in the last 24 hours, against {previous} the 24 hours before"
            : $"Audience '{rule.AudienceKey}' has {current} members, against {previous} 24 hours ago";
        var how = change is { } d
            ? $" ({(d > 0 ? "+" : "")}{d.ToString("0.#", CultureInfo.InvariantCulture)}%, threshold {rule.ThresholdPercent.ToString("0.#", CultureInfo.InvariantCulture)}%)."
            : " (from none).";
        return new AlertFinding(rule, previous.Value, current.Value, change, now, what + how);
    }

    private async Task<(long?, long?)> DeliveredAsync(AlertRule rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var activation = rule.ActivationKey ?? throw new ArgumentException("An event-health alert watches an activation.", nameof(rule));
        var counts = await deliveries.CountAsync(activation, now - (2 * Day), now, Day, cancellationToken);
        long Sum(DateTimeOffset bucket) => counts.Where(c => c.State == DeliveryState.Delivered && c.BucketStart == bucket).Sum(c => c.Count);
        return (Sum(now - (2 * Day)), Sum(now - Day));
    }

    /// <summary>Sizes from the runs: the last successful run now, and the last one finished 24 hours ago or earlier.</summary>
    private async Task<(long?, long?)> SizesAsync(AlertRule rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var succeeded = (await runs.ListRunsAsync(rule.AudienceKey, 50, cancellationToken))
            .Where(r => r.Status == RunStatus.Succeeded && r.FinishedAt is not null)
            .OrderByDescending(r => r.FinishedAt)
            .ToList();
        var current = succeeded.FirstOrDefault(r => r.FinishedAt <= now);
        var previous = succeeded.FirstOrDefault(r => r.FinishedAt <= now - Day);
        return (previous?.Summary.Members, current is null || previous is null ? null : current.Summary.Members);
    }
}
