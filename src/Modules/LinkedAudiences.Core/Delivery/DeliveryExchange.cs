namespace LinkedAudiences.Core.Delivery;

/// <summary>What one request to a destination was and what came of it (the test event shows it as it is).</summary>
public sealed record DeliveryExchange
{
    public required SentRequest Request { get; init; }

    /// <summary>Null when nothing came back (timeout, connection refused).</summary>
    public ReceivedResponse? Response { get; init; }

    public required DeliveryOutcome Outcome { get; init; }

    /// <summary>Why it was not delivered: the status and body, the timeout, the network error.</summary>
    public string? Error { get; init; }

    /// <summary>The destination's Retry-After, when it gave one.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

public enum DeliveryOutcome
{
    Delivered,

    /// <summary>Worth trying again: timeouts, network errors, 408, 429 and 5xx.</summary>
    Retry,

    /// <summary>Refused for good: other 4xx, template errors.</summary>
    Failed,
}

/// <summary>A request as sent; secret header values are masked ("***").</summary>
public sealed record SentRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body);

public sealed record ReceivedResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body);
