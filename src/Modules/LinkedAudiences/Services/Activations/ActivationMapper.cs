using System.Text.Json;
using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Models;
using OrchardCore.ContentManagement;
using ModuleTriggers = LinkedAudiences.Models.ActivationTriggers;

namespace LinkedAudiences.Services.Activations;

/// <summary>
/// An Activation content item as the engine's <see cref="Activation"/>: the key is the content item id (stable across
/// versions, so delivery state follows the item), events are taken from the first publish on, and secrets stay in
/// their protected form (the destinations unprotect them when sending).
/// </summary>
public static class ActivationMapper
{
    /// <returns>Null when the part cannot be delivered by the engine (a workflow destination, an unknown trigger or kind).</returns>
    public static Activation? ToActivation(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var part = item.GetOrCreate<ActivationPart>();
        if (ModuleTriggers.ToCore(part.Trigger) is not { } trigger || DestinationKinds.ToCore(part.DestinationKind) is not { } kind)
        {
            return null;
        }

        return new Activation
        {
            Key = item.ContentItemId,
            AudienceKey = part.AudienceKey ?? string.Empty,
            Destination = Destination(kind, part),
            Action = Blank(part.Action),
            Trigger = trigger,
            // A value left in the form after switching to a profile trigger means nothing: not an error.
            TriggerEntity = Core.Activations.ActivationTriggers.IsEntityTrigger(trigger) ? Blank(part.TriggerEntity) : null,
            Identifier = Blank(part.IdentifierTrait) is { } trait ? new IdentifierStrategy { Source = IdentifierSource.Trait, Trait = trait } : IdentifierStrategy.ProfileKey,
            Enrichment = Enrichment(part),
            Mapping = Blank(part.Mapping),
            SendExistingMembers = part.SendExistingMembers,
            Enabled = part.Enabled && item.Published,
            StartsAt = part.FirstPublishedUtc is { } first ? new DateTimeOffset(DateTime.SpecifyKind(first, DateTimeKind.Utc)) : null,
            DisabledReason = part.DisabledReason,
        };
    }

    public static ActivationEnrichment Enrichment(ActivationPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return new ActivationEnrichment
        {
            Traits = [.. part.EnrichmentTraits.Where(t => !string.IsNullOrWhiteSpace(t))],
            Entities = [.. part.EnrichmentEntities.Where(e => !string.IsNullOrWhiteSpace(e.Entity)).Select(e => new EntityEnrichment(e.Entity, [.. e.Columns]))],
        };
    }

    private static DestinationSettings Destination(DestinationKind kind, ActivationPart part)
    {
        var d = part.Destination ?? new ActivationDestination();
        var legacy = Legacy(part.DestinationSettings);
        var defaults = new DeliveryPolicy();
        var headers = new Dictionary<string, string>(legacy.Headers, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in d.Headers)
        {
            headers[name] = value;
        }

        return new DestinationSettings
        {
            Kind = kind,
            Url = Blank(d.Url) ?? legacy.Url,
            Headers = headers,
            ProtectedHeaders = new Dictionary<string, string>(d.ProtectedHeaders, StringComparer.OrdinalIgnoreCase),
            ProtectedSecret = Blank(d.ProtectedSecret),
            SignatureHeader = Blank(d.SignatureHeader) ?? new DestinationSettings { Kind = kind }.SignatureHeader,
            Source = Blank(d.Source),
            Schema = Blank(d.Schema),
            Table = Blank(d.Table),
            Delivery = new DeliveryPolicy
            {
                BatchSize = d.BatchSize ?? defaults.BatchSize,
                MaxConcurrency = d.MaxConcurrency ?? defaults.MaxConcurrency,
                RatePerSecond = d.RatePerSecond ?? defaults.RatePerSecond,
                MaxAttempts = d.MaxAttempts ?? defaults.MaxAttempts,
                InitialBackoff = d.InitialBackoffSeconds is { } initial ? TimeSpan.FromSeconds(initial) : defaults.InitialBackoff,
                MaxBackoff = d.MaxBackoffSeconds is { } max ? TimeSpan.FromSeconds(max) : defaults.MaxBackoff,
                Timeout = d.TimeoutSeconds is { } timeout ? TimeSpan.FromSeconds(timeout) : defaults.Timeout,
            },
        };
    }

    /// <summary>The url and headers of the legacy settings JSON; anything unreadable counts as absent.</summary>
    private static (string? Url, Dictionary<string, string> Headers) Legacy(string? json)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, headers);
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, headers);
            }

            if (root.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
            {
                foreach (var header in h.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
                {
                    headers[header.Name] = header.Value.GetString()!;
                }
            }

            var url = root.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? Blank(u.GetString()) : null;
            return (url, headers);
        }
        catch (JsonException)
        {
            return (null, headers);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
