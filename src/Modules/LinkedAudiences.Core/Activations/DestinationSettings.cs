namespace LinkedAudiences.Core.Activations;

/// <summary>
/// Where and how an activation delivers. Secrets (the webhook's HMAC key, the tracking API's write key, protected
/// header values) are kept only in their protected form (<see cref="Delivery.ISecretProtector"/>) and never shown again.
/// </summary>
public sealed record DestinationSettings
{
    public required DestinationKind Kind { get; init; }

    /// <summary>The endpoint (webhook, CloudEvents) or the base URL of the tracking API (events go to {Url}/v1/batch).</summary>
    public string? Url { get; init; }

    /// <summary>Headers sent with every request as they are.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Headers whose values are secrets (e.g. Authorization), protected; masked in test-event output.</summary>
    public IReadOnlyDictionary<string, string> ProtectedHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>The webhook's HMAC-SHA256 key or the tracking API's write key, protected.</summary>
    public string? ProtectedSecret { get; init; }

    /// <summary>The webhook header carrying "sha256=HEX" of the body.</summary>
    public string SignatureHeader { get; init; } = "X-LinkedAudiences-Signature";

    /// <summary>The CloudEvents "source" attribute (default: /linked-audiences/{audience key}).</summary>
    public string? Source { get; init; }

    /// <summary>Warehouse write-back: the schema (null = default) and table that receive the events.</summary>
    public string? Schema { get; init; }

    public string? Table { get; init; }

    public DeliveryPolicy Delivery { get; init; } = new();
}

public enum DestinationKind
{
    Webhook,
    CloudEvents,
    Segment,
    Warehouse,
}

/// <summary>Batching, concurrency, rate and retry budget of one destination.</summary>
public sealed record DeliveryPolicy
{
    /// <summary>Events per request (default 100).</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Requests in flight at once (default 4).</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Events per second at most; null = no limit (default).</summary>
    public double? RatePerSecond { get; init; }

    /// <summary>Attempts before an event is dead-lettered (default 8).</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>The first retry's delay, doubled per attempt up to <see cref="MaxBackoff"/>, with jitter (default 1 s).</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>One request's time limit; a timeout is retried (default 30 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
