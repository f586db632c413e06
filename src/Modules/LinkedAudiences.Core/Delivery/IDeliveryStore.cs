namespace LinkedAudiences.Core.Delivery;

/// <summary>
/// Delivery state in the app store, so delivery survives a host restart: per activation, the outbox position it has
/// read up to, and one record per (activation, messageId).
/// </summary>
public interface IDeliveryStore
{
    /// <summary>The outbox position the activation has taken events up to; 0 before the first.</summary>
    Task<long> GetCursorAsync(string activationKey, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: adds the records (one whose (activation, messageId) exists is skipped, so re-reading the
    /// outbox never doubles an event) and moves the cursor to <paramref name="cursor"/> (never backwards).
    /// </summary>
    Task EnqueueAsync(string activationKey, IReadOnlyList<DeliveryRecord> records, long cursor, CancellationToken cancellationToken);

    /// <summary>Pending records due at <paramref name="now"/>, oldest position first.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListDueAsync(string activationKey, DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>When the next pending record is due; null when none is pending.</summary>
    Task<DateTimeOffset?> NextDueAsync(string activationKey, CancellationToken cancellationToken);

    /// <summary>Saves state, attempts, next attempt and last error of existing records.</summary>
    Task UpdateAsync(IReadOnlyList<DeliveryRecord> records, CancellationToken cancellationToken);

    Task<DeliveryRecord?> FindAsync(string activationKey, string messageId, CancellationToken cancellationToken);

    /// <summary>
    /// Counts by event kind, state, reason (filter reason or last error) and time bucket of the event's timestamp,
    /// for events in [from, to). Pending counts say whether they were already tried (retry) or not.
    /// </summary>
    Task<IReadOnlyList<DeliveryCount>> CountAsync(string activationKey, DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, CancellationToken cancellationToken);

    /// <summary>Forgets an activation's cursor and records (the activation was deleted).</summary>
    Task DeleteActivationAsync(string activationKey, CancellationToken cancellationToken);
}

/// <summary>A group of records: <see cref="Retrying"/> for pending ones already tried; <see cref="Reason"/> for filtered and failed ones.</summary>
public sealed record DeliveryCount(
    Events.AudienceEventKind Kind, DeliveryState State, bool Retrying, string? Reason, DateTimeOffset BucketStart, long Count, DateTimeOffset LastUpdatedAt);
