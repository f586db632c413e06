namespace LinkedAudiences.Core.Delivery.Alerts;

/// <summary>
/// Seeds' alerts: "activation event health spikes or drops" (events delivered by one activation in the last 24 hours
/// against the 24 hours before) and "audience size change" (members now against 24 hours ago), each over a
/// percentage threshold, sent to one or more channels.
/// </summary>
public sealed record AlertRule
{
    public required string Key { get; init; }

    public required AlertKind Kind { get; init; }

    public required string AudienceKey { get; init; }

    /// <summary>The activation watched by an event-health alert.</summary>
    public string? ActivationKey { get; init; }

    /// <summary>The change, in percent of the previous value, beyond which the alert fires (4 = outside 96..104 of 100).</summary>
    public required double ThresholdPercent { get; init; }

    public IReadOnlyList<AlertChannel> Channels { get; init; } = [];
}

public enum AlertKind
{
    EventHealth,
    AudienceSize,
}

/// <summary>Where a fired alert goes: in-app, a Slack-style incoming webhook URL, or one email address (a list's address for many).</summary>
public sealed record AlertChannel(AlertChannelKind Kind, string? Target = null);

public enum AlertChannelKind
{
    InApp,
    Slack,
    Email,
}

/// <summary>A fired alert: the two values compared, the change in percent (null when the previous value was 0), and a sentence.</summary>
public sealed record AlertFinding(AlertRule Rule, long Previous, long Current, double? ChangePercent, DateTimeOffset At, string Message);
