using LinkedAudiences.Core.Events;

namespace LinkedAudiences.Core.Delivery;

/// <summary>
/// One outbox event as one activation handles it, keyed by (activation, messageId): filtered (with why), pending
/// (first try or retry), delivered, failed (refused for good) or dead-lettered (the retry budget ran out).
/// </summary>
public sealed record DeliveryRecord
{
    public required string ActivationKey { get; init; }

    public required AudienceEvent Event { get; init; }

    /// <summary>The event's position in the outbox.</summary>
    public required long Position { get; init; }

    public required DeliveryState State { get; init; }

    public int Attempts { get; init; }

    /// <summary>When a pending event is due (now for a first try).</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>The last failure (status and body, timeout, template error), or the filter reason when filtered.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string MessageId => Event.MessageId;
}

public enum DeliveryState
{
    Pending,
    Filtered,
    Delivered,
    Failed,
    DeadLettered,
}
