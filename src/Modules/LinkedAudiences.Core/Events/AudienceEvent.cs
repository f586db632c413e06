namespace LinkedAudiences.Core.Events;

/// <summary>
/// One change a run found, as stored in the outbox. <see cref="MessageId"/> is derived from audience, subject, kind and
/// membership version (<see cref="MessageIds"/>), so re-running never mints a new one: the outbox, delivery and the
/// workflow bridge are exactly-once by it. <see cref="Payload"/> is the JSON sent on (docs/schema/audience-event.schema.json).
/// </summary>
public sealed record AudienceEvent
{
    public required string MessageId { get; init; }

    public required AudienceEventKind Kind { get; init; }

    public required string AudienceKey { get; init; }

    public required long MembershipVersion { get; init; }

    public required string RunId { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The profile the event is about (for entity targets, the member entity's profile when known).</summary>
    public required string ProfileKey { get; init; }

    /// <summary>For entity events and entity-target audiences: which entity, which row, through which branch.</summary>
    public string? Entity { get; init; }

    public string? EntityKey { get; init; }

    public string? Branch { get; init; }

    /// <summary>The event as JSON text (track or identify shape).</summary>
    public required string Payload { get; init; }
}

public enum AudienceEventKind
{
    ProfileEntered,
    ProfileExited,
    EntityEntered,
    EntityExited,

    /// <summary>Identify-style: the audience key as a boolean trait, on enter and on exit.</summary>
    MembershipChanged,

    /// <summary>Data freshness: the member stayed but its enrichment values changed.</summary>
    ValuesChanged,
}
