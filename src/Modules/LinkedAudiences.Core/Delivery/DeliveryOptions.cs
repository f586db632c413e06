namespace LinkedAudiences.Core.Delivery;

/// <summary>How much one pass of the deliverer reads and sends (per-destination limits are in the activation's policy).</summary>
public sealed record DeliveryOptions
{
    /// <summary>Outbox entries read per page when taking new events (default 1000).</summary>
    public int OutboxPageSize { get; init; } = 1000;

    /// <summary>Due events sent per pass at most (default 5000).</summary>
    public int MaxEventsPerPass { get; init; } = 5000;

    /// <summary>The jitter source (a seeded one in tests that want repeatable delays); default: shared.</summary>
    public Random Jitter { get; init; } = Random.Shared;
}
