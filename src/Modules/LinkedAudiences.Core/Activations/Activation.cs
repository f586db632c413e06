namespace LinkedAudiences.Core.Activations;

/// <summary>
/// One way an audience's events reach a destination (seeds: "Step 2: Activate"): which events (the trigger), where
/// (the destination and its action), who they are about (the identifier strategy), what they carry (enrichment and the
/// mapping template). <see cref="DisabledReason"/> says why an activation was turned off by an edit of its audience.
/// </summary>
public sealed record Activation
{
    public required string Key { get; init; }

    public required string AudienceKey { get; init; }

    public required DestinationSettings Destination { get; init; }

    /// <summary>The destination action called per event: "track" or "identify" (the trigger's default when null).</summary>
    public string? Action { get; init; }

    public required ActivationTrigger Trigger { get; init; }

    /// <summary>For entity triggers: the definition's entity whose rows enter or exit.</summary>
    public string? TriggerEntity { get; init; }

    public IdentifierStrategy Identifier { get; init; } = IdentifierStrategy.ProfileKey;

    public ActivationEnrichment Enrichment { get; init; } = ActivationEnrichment.None;

    /// <summary>A Liquid template producing the JSON body of each event; null sends the event payload as it is.</summary>
    public string? Mapping { get; init; }

    /// <summary>Also send events for members already in the audience (off by default; entered triggers only).</summary>
    public bool SendExistingMembers { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Usually when the activation was created: events of runs that started earlier were meant for no one and are not
    /// taken (null takes the whole outbox).
    /// </summary>
    public DateTimeOffset? StartsAt { get; init; }

    public string? DisabledReason { get; init; }

    /// <summary>The action the destination performs: the configured one, else the trigger's event type.</summary>
    public string EffectiveAction => Action ?? ActivationTriggers.EventType(Trigger);
}
