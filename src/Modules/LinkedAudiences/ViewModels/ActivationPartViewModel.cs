namespace LinkedAudiences.ViewModels;

/// <summary>
/// The activation editor's fields, one per form input, named as the part's properties so publish errors land next to
/// them. Lists are text: traits comma-separated, entity enrichment and headers one per line. Secrets are write-only:
/// <see cref="Secret"/> and <see cref="SecretHeaders"/> are never filled from the stored values; the Has*/names say
/// what is stored.
/// </summary>
// Not sealed: Orchard builds shapes as proxies of their view model.
public class ActivationPartViewModel
{
    public string? AudienceKey { get; set; }

    public string? Trigger { get; set; }

    public string? TriggerEntity { get; set; }

    public string? Action { get; set; }

    public string? IdentifierTrait { get; set; }

    /// <summary>"plan, email".</summary>
    public string? EnrichmentTraits { get; set; }

    /// <summary>"account: plan, status" per line.</summary>
    public string? EnrichmentEntities { get; set; }

    public string? Mapping { get; set; }

    public bool SendExistingMembers { get; set; }

    public string? DestinationKind { get; set; }

    public string? Url { get; set; }

    /// <summary>"Name: value" per line, sent as they are.</summary>
    public string? Headers { get; set; }

    /// <summary>"Name: value" per line, stored encrypted; empty keeps the stored ones.</summary>
    public string? SecretHeaders { get; set; }

    /// <summary>The webhook's HMAC key or the tracking API's write key; empty keeps the stored one.</summary>
    public string? Secret { get; set; }

    /// <summary>Removes the stored secret and secret headers.</summary>
    public bool ClearSecrets { get; set; }

    public string? SignatureHeader { get; set; }

    public string? Source { get; set; }

    public string? Schema { get; set; }

    public string? Table { get; set; }

    public int? BatchSize { get; set; }

    public int? MaxConcurrency { get; set; }

    public double? RatePerSecond { get; set; }

    public int? MaxAttempts { get; set; }

    public double? InitialBackoffSeconds { get; set; }

    public double? MaxBackoffSeconds { get; set; }

    public double? TimeoutSeconds { get; set; }

    public bool Enabled { get; set; }

    // Shown, never posted back.
    public bool HasSecret { get; set; }

    public IReadOnlyList<string> StoredSecretHeaders { get; set; } = [];

    public string? DisabledReason { get; set; }

    /// <summary>The item's id (the preview renders with it); the test event and delivery screens once it was published.</summary>
    public string? ContentItemId { get; set; }

    public bool WasPublished { get; set; }

    /// <summary>The lists the editor offers (ActivationEditorContextSource), JSON.</summary>
    public string EditorContextJson { get; set; } = "{}";
}
