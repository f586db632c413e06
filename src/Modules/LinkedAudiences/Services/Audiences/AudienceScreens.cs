using LinkedAudiences.Core.Lifecycle;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Validation;
using LinkedAudiences.Indexes;
using LinkedAudiences.Models;
using LinkedAudiences.ViewModels;
using OrchardCore.ContentManagement;
using YesSql;

namespace LinkedAudiences.Services.Audiences;

/// <summary>The reads behind the audience screens: the list (by folder), one audience, its consumers and activations.</summary>
public sealed class AudienceScreens(ISession session, LinkedAudiencesContent content)
{
    /// <summary>The live version (published, else latest) of every audience, optionally only those in <paramref name="folder"/>, by name.</summary>
    public async Task<IReadOnlyList<AudienceSummary>> ListAsync(string? folder)
    {
        var query = string.IsNullOrEmpty(folder)
            ? session.Query<ContentItem, LinkedAudienceIndex>(x => x.Published || x.Latest)
            : session.Query<ContentItem, LinkedAudienceIndex>(x => x.Folder == folder && (x.Published || x.Latest));
        var items = await query.ListAsync();
        return [.. Live(items).Select(AudienceSummary.Of).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Key, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<string>> ListFoldersAsync()
    {
        var rows = await session.QueryIndex<LinkedAudienceIndex>(x => x.Folder != null && (x.Published || x.Latest)).ListAsync();
        return [.. rows.Select(r => r.Folder!).Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The live version of one audience; null when there is no such audience.</summary>
    public async Task<AudienceSummary?> FindAsync(string? contentItemId)
    {
        if (string.IsNullOrEmpty(contentItemId))
        {
            return null;
        }

        var items = await session.Query<ContentItem, LinkedAudienceIndex>(x => x.ContentItemId == contentItemId && (x.Published || x.Latest)).ListAsync();
        return Live(items).Select(AudienceSummary.Of).FirstOrDefault();
    }

    /// <summary>Audiences whose definitions reference this one (the engine's rule), with their content item for a link.</summary>
    public async Task<IReadOnlyList<AudienceConsumerRow>> AudienceConsumersAsync(AudienceSummary audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        if (string.IsNullOrEmpty(audience.Key))
        {
            return [];
        }

        var others = (await content.ListAudiencesAsync(audience.ContentItemId))
            .Select(item => (Item: item, Part: item.GetOrCreate<LinkedAudiencePart>()))
            .Where(x => !string.IsNullOrEmpty(x.Part.Key))
            .ToList();
        var stored = others
            .Select(x => (x.Item, x.Part, Definition: DefinitionReader.Read(x.Part.Definition ?? string.Empty).Value))
            .Where(x => x.Definition is not null)
            .Select(x => new StoredAudience(
                x.Part.Key, 1, x.Definition!, new AudienceSettings { Name = x.Item.DisplayText, GraphKey = x.Part.GraphKey ?? string.Empty }, new AudienceState(), default));
        var ids = others.GroupBy(x => x.Part.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Item.ContentItemId, StringComparer.Ordinal);
        return [.. AudienceConsumers.Find(stored, audience.Key).Select(c => new AudienceConsumerRow(c.Key, c.Name, ids.GetValueOrDefault(c.Key), c.Modes))];
    }

    /// <summary>Activations delivering this audience (published or draft).</summary>
    public async Task<IReadOnlyList<AudienceActivationRow>> ActivationsAsync(AudienceSummary audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        if (string.IsNullOrEmpty(audience.Key))
        {
            return [];
        }

        return [.. (await content.ListActivationsAsync(audience.Key)).Select(item =>
        {
            var part = item.GetOrCreate<ActivationPart>();
            var name = string.IsNullOrWhiteSpace(item.DisplayText) ? item.ContentItemId : item.DisplayText;
            return new AudienceActivationRow(item.ContentItemId, name, part.DestinationKind, part.Trigger, part.Enabled, item.Published);
        }).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)];
    }

    private static IEnumerable<ContentItem> Live(IEnumerable<ContentItem> items) =>
        items.GroupBy(i => i.ContentItemId, StringComparer.Ordinal).Select(g => g.FirstOrDefault(i => i.Published) ?? g.First());
}
