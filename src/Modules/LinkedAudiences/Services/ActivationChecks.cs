using System.Text.Json;
using LinkedAudiences.Models;
using Microsoft.Extensions.Localization;

namespace LinkedAudiences.Services;

/// <summary>What publishing an activation requires: a published audience, a known trigger and destination, settings as a JSON object.</summary>
public sealed class ActivationChecks(LinkedAudiencesContent content, IStringLocalizer<ActivationChecks> localizer)
{
    private readonly IStringLocalizer S = localizer;

    public async Task<IReadOnlyList<FieldError>> CheckAsync(ActivationPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(part.AudienceKey))
        {
            errors.Add(new(nameof(ActivationPart.AudienceKey), S["Choose the audience to activate (its key)."]));
        }
        else if (await content.FindPublishedAudienceAsync(part.AudienceKey) is null)
        {
            errors.Add(new(nameof(ActivationPart.AudienceKey), S["There is no published audience with the key '{0}'.", part.AudienceKey]));
        }

        if (!ActivationTriggers.All.Contains(part.Trigger, StringComparer.Ordinal))
        {
            errors.Add(new(nameof(ActivationPart.Trigger), S["The trigger must be one of {0}.", string.Join(", ", ActivationTriggers.All)]));
        }

        if (!DestinationKinds.All.Contains(part.DestinationKind, StringComparer.Ordinal))
        {
            errors.Add(new(nameof(ActivationPart.DestinationKind), S["The destination must be one of {0}.", string.Join(", ", DestinationKinds.All)]));
        }

        if (ReadSettingsError(part.DestinationSettings) is { } problem)
        {
            errors.Add(new(nameof(ActivationPart.DestinationSettings), S["The destination settings must be a JSON object: {0}", problem]));
        }

        return errors;
    }

    private static string? ReadSettingsError(string? json)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            return document.RootElement.ValueKind == JsonValueKind.Object ? null : $"got a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.";
        }
        catch (JsonException e)
        {
            return e.Message;
        }
    }
}
