using LinkedAudiences.Models;

namespace LinkedAudiences.Services.Activations;

/// <summary>
/// An activation as the editor form or the API sends it. Secrets are plain here and only here: <see cref="Apply"/>
/// protects them into the part; an empty <see cref="Secret"/> or <see cref="SecretHeaders"/> keeps what is stored.
/// </summary>
public sealed record ActivationInput
{
    public string? Title { get; init; }

    public string? AudienceKey { get; init; }

    public string? Trigger { get; init; }

    public string? TriggerEntity { get; init; }

    public string? Action { get; init; }

    public string? IdentifierTrait { get; init; }

    public List<string>? EnrichmentTraits { get; init; }

    public List<ActivationEntityEnrichment>? EnrichmentEntities { get; init; }

    public string? Mapping { get; init; }

    public bool SendExistingMembers { get; init; }

    public string? DestinationKind { get; init; }

    public string? Url { get; init; }

    public Dictionary<string, string>? Headers { get; init; }

    public Dictionary<string, string>? SecretHeaders { get; init; }

    public string? Secret { get; init; }

    public bool ClearSecrets { get; init; }

    public string? SignatureHeader { get; init; }

    public string? Source { get; init; }

    public string? Schema { get; init; }

    public string? Table { get; init; }

    public int? BatchSize { get; init; }

    public int? MaxConcurrency { get; init; }

    public double? RatePerSecond { get; init; }

    public int? MaxAttempts { get; init; }

    public double? InitialBackoffSeconds { get; init; }

    public double? MaxBackoffSeconds { get; init; }

    public double? TimeoutSeconds { get; init; }

    public bool Enabled { get; init; }

    public void Apply(ActivationPart part, Core.Delivery.ISecretProtector secrets)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(secrets);
        part.AudienceKey = AudienceKey?.Trim() ?? string.Empty;
        part.Trigger = Trigger?.Trim() ?? string.Empty;
        part.TriggerEntity = Blank(TriggerEntity);
        part.Action = Blank(Action);
        part.IdentifierTrait = Blank(IdentifierTrait);
        part.EnrichmentTraits = [.. (EnrichmentTraits ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim())];
        part.EnrichmentEntities = [.. (EnrichmentEntities ?? []).Where(e => !string.IsNullOrWhiteSpace(e.Entity))];
        part.Mapping = Blank(Mapping);
        part.SendExistingMembers = SendExistingMembers;
        part.DestinationKind = DestinationKind?.Trim() ?? string.Empty;

        // Enabling again is the editor's answer to "disabled because the audience changed".
        if (Enabled)
        {
            part.DisabledReason = null;
        }

        part.Enabled = Enabled;

        var d = part.Destination ??= new ActivationDestination();
        d.Url = Blank(Url);
        d.Headers = new Dictionary<string, string>(Headers ?? [], StringComparer.OrdinalIgnoreCase);
        if (ClearSecrets)
        {
            d.ProtectedSecret = null;
            d.ProtectedHeaders = [];
        }

        if (!string.IsNullOrEmpty(Secret))
        {
            d.ProtectedSecret = secrets.Protect(Secret);
        }

        if (SecretHeaders is { Count: > 0 })
        {
            d.ProtectedHeaders = SecretHeaders.ToDictionary(h => h.Key.Trim(), h => secrets.Protect(h.Value), StringComparer.OrdinalIgnoreCase);
        }

        d.SignatureHeader = Blank(SignatureHeader);
        d.Source = Blank(Source);
        d.Schema = Blank(Schema);
        d.Table = Blank(Table);
        d.BatchSize = BatchSize;
        d.MaxConcurrency = MaxConcurrency;
        d.RatePerSecond = RatePerSecond;
        d.MaxAttempts = MaxAttempts;
        d.InitialBackoffSeconds = InitialBackoffSeconds;
        d.MaxBackoffSeconds = MaxBackoffSeconds;
        d.TimeoutSeconds = TimeoutSeconds;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
