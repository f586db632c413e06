using LinkedAudiences.Core.Events;

namespace LinkedAudiences.Core.Delivery;

/// <summary>
/// Seeds' "Delivery Overview" for one activation: per event kind, the events from the audience, filtered (with why),
/// pending (first try / retry), failed (with the last error), dead-lettered and delivered, in total and per time bucket.
/// </summary>
public sealed record DeliveryOverview(string ActivationKey, DateTimeOffset From, DateTimeOffset To, TimeSpan Bucket, IReadOnlyList<EventKindOverview> Kinds)
{
    public static async Task<DeliveryOverview> LoadAsync(
        IDeliveryStore store, string activationKey, DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var counts = await store.CountAsync(activationKey, from, to, bucket, cancellationToken);
        var kinds = counts.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => new EventKindOverview(
            g.Key,
            DeliveryTotals.Of(g),
            [.. g.Where(c => c.State == DeliveryState.Filtered).GroupBy(c => c.Reason ?? "").Select(r => new ReasonCount(r.Key, r.Sum(c => c.Count))).OrderByDescending(r => r.Count)],
            g.Where(c => c.State is DeliveryState.Failed or DeliveryState.DeadLettered || (c.State == DeliveryState.Pending && c.Retrying))
                .OrderByDescending(c => c.LastUpdatedAt).FirstOrDefault()?.Reason,
            [.. g.GroupBy(c => c.BucketStart).OrderBy(b => b.Key).Select(b => new DeliveryBucket(b.Key, DeliveryTotals.Of(b)))]));
        return new DeliveryOverview(activationKey, from, to, bucket, [.. kinds]);
    }
}

/// <param name="LastError">The newest error among failed, dead-lettered and retrying events.</param>
public sealed record EventKindOverview(AudienceEventKind Kind, DeliveryTotals Totals, IReadOnlyList<ReasonCount> Filtered, string? LastError, IReadOnlyList<DeliveryBucket> Buckets);

public sealed record ReasonCount(string Reason, long Count);

public sealed record DeliveryBucket(DateTimeOffset Start, DeliveryTotals Totals);

/// <param name="FromAudience">Every event of the audience the activation took (the sum of the others).</param>
public sealed record DeliveryTotals(long FromAudience, long Filtered, long Pending, long PendingRetry, long Failed, long DeadLettered, long Delivered)
{
    public static DeliveryTotals Of(IEnumerable<DeliveryCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        long filtered = 0, pending = 0, retry = 0, failed = 0, dead = 0, delivered = 0;
        foreach (var c in counts)
        {
            switch (c.State)
            {
                case DeliveryState.Filtered: filtered += c.Count; break;
                case DeliveryState.Pending when c.Retrying: retry += c.Count; break;
                case DeliveryState.Pending: pending += c.Count; break;
                case DeliveryState.Failed: failed += c.Count; break;
                case DeliveryState.DeadLettered: dead += c.Count; break;
                case DeliveryState.Delivered: delivered += c.Count; break;
            }
        }

        return new DeliveryTotals(filtered + pending + retry + failed + dead + delivered, filtered, pending, retry, failed, dead, delivered);
    }
}
