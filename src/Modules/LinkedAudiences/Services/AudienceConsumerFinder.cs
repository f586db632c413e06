using LinkedAudiences.Core.Lifecycle;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Validation;
using LinkedAudiences.Models;
using OrchardCore.ContentManagement;

namespace LinkedAudiences.Services;

/// <summary>Who depends on an audience: audiences referencing it (the engine's rule) and activations delivering it.</summary>
public sealed class AudienceConsumerFinder(LinkedAudiencesContent content)
{
    /// <returns>One line per consumer, e.g. "audience Cat owners (uc2-cat-owners-platinum)".</returns>
    public async Task<IReadOnlyList<string>> FindAsync(ContentItem audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var key = audience.GetOrCreate<LinkedAudiencePart>().Key;
        if (string.IsNullOrEmpty(key))
        {
            return [];
        }

        var others = await content.ListAudiencesAsync(audience.ContentItemId);
        var stored = others
            .Select(item => (Item: item, Part: item.GetOrCreate<LinkedAudiencePart>()))
            .Select(x => (x.Item, x.Part, Definition: DefinitionReader.Read(x.Part.Definition ?? string.Empty).Value))
            .Where(x => x.Definition is not null && !string.IsNullOrEmpty(x.Part.Key))
            .Select(x => new StoredAudience(
                x.Part.Key,
                Version: 1,
                x.Definition!,
                new AudienceSettings { Name = x.Item.DisplayText, GraphKey = x.Part.GraphKey ?? string.Empty },
                new AudienceState(),
                SavedAt: default))
            .ToList();

        var lines = AudienceConsumers.Find(stored, key)
            .Select(c => $"audience {(string.IsNullOrWhiteSpace(c.Name) ? c.Key : $"{c.Name} ({c.Key})")}")
            .ToList();
        lines.AddRange((await content.ListActivationsAsync(key))
            .Select(a => $"activation {(string.IsNullOrWhiteSpace(a.DisplayText) ? a.ContentItemId : a.DisplayText)}"));
        return lines;
    }
}
