using OrchardCore.ContentManagement;

namespace LinkedAudiences.Models;

/// <summary>
/// Sends an audience's changes to a destination: which audience, which events (trigger), who (identifier), what they
/// carry (enrichment, mapping) and where (<see cref="Destination"/>). Services/Activations/ActivationMapper turns the
/// published part into the engine's Activation.
/// </summary>
public sealed class ActivationPart : ContentPart
{
    public string AudienceKey { get; set; } = string.Empty;

    /// <summary>One of <see cref="ActivationTriggers.All"/>.</summary>
    public string Trigger { get; set; } = ActivationTriggers.AudienceEntered;

    /// <summary>For the entity triggers: the definition's entity whose rows enter or exit.</summary>
    public string? TriggerEntity { get; set; }

    /// <summary>"track" or "identify"; empty for the trigger's own.</summary>
    public string? Action { get; set; }

    /// <summary>The profile trait used as the destination's user id; empty for the profile key.</summary>
    public string? IdentifierTrait { get; set; }

    public List<string> EnrichmentTraits { get; set; } = [];

    public List<ActivationEntityEnrichment> EnrichmentEntities { get; set; } = [];

    /// <summary>A Liquid template producing each event's JSON body; empty sends the event payload as it is.</summary>
    public string? Mapping { get; set; }

    public bool SendExistingMembers { get; set; }

    /// <summary>One of <see cref="DestinationKinds.All"/>.</summary>
    public string DestinationKind { get; set; } = DestinationKinds.Webhook;

    public ActivationDestination Destination { get; set; } = new();

    /// <summary>
    /// Before the typed <see cref="Destination"/>: the settings as a JSON object (url, headers). Still read when
    /// <see cref="ActivationDestination.Url"/> is empty, so older items and recipes keep their endpoint.
    /// </summary>
    public string DestinationSettings { get; set; } = "{}";

    public bool Enabled { get; set; }

    /// <summary>Why publishing the audience disabled this activation (its trigger entity left the definition); cleared when re-enabled.</summary>
    public string? DisabledReason { get; set; }

    /// <summary>When the activation was first published: it takes the events of runs from then on.</summary>
    public DateTime? FirstPublishedUtc { get; set; }
}
