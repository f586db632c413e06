using LinkedAudiences.Core.Activations;
using LinkedAudiences.Services.Runs;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LinkedAudiences.Workflows.Drivers;

/// <summary>The published audiences (and the entities their definitions name) as the activity editors offer them.</summary>
public sealed class AudienceOptions(ContentAudienceStore audiences)
{
    public async Task<IReadOnlyList<SelectListItem>> AudiencesAsync(string? selected, string anyText)
    {
        var items = new List<SelectListItem> { new(anyText, string.Empty, string.IsNullOrEmpty(selected)) };
        foreach (var audience in await audiences.ListAudiencesAsync(CancellationToken.None))
        {
            var name = string.IsNullOrWhiteSpace(audience.Settings.Name) ? audience.Key : $"{audience.Settings.Name} ({audience.Key})";
            items.Add(new SelectListItem(name, audience.Key, string.Equals(audience.Key, selected, StringComparison.Ordinal)));
        }

        return items;
    }

    /// <summary>Every entity a published definition names (target or branch), with the audiences that name it.</summary>
    public async Task<IReadOnlyList<SelectListItem>> EntitiesAsync(string? selected, string anyText)
    {
        var byEntity = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var audience in await audiences.ListAudiencesAsync(CancellationToken.None))
        {
            var entities = new HashSet<string>(DefinitionBranches.Entities(audience.Definition), StringComparer.Ordinal);
            if (audience.Definition.Target.Entity is { } target)
            {
                entities.Add(target);
            }

            foreach (var entity in entities)
            {
                if (!byEntity.TryGetValue(entity, out var keys))
                {
                    byEntity[entity] = keys = [];
                }

                keys.Add(audience.Key);
            }
        }

        var items = new List<SelectListItem> { new(anyText, string.Empty, string.IsNullOrEmpty(selected)) };
        items.AddRange(byEntity.Select(e => new SelectListItem($"{e.Key} ({string.Join(", ", e.Value)})", e.Key, string.Equals(e.Key, selected, StringComparison.Ordinal))));
        return items;
    }
}
