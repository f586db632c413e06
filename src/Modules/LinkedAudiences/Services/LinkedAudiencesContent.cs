using LinkedAudiences.Indexes;
using LinkedAudiences.Models;
using OrchardCore.ContentManagement;
using YesSql;

namespace LinkedAudiences.Services;

/// <summary>The module's queries over its content items (through its map indexes).</summary>
public sealed class LinkedAudiencesContent(ISession session)
{
    public Task<ContentItem?> FindPublishedGraphAsync(string key) =>
        session.Query<ContentItem, DataGraphIndex>(x => x.GraphKey == key && x.Published).FirstOrDefaultAsync()!;

    public Task<ContentItem?> FindPublishedAudienceAsync(string key) =>
        session.Query<ContentItem, LinkedAudienceIndex>(x => x.AudienceKey == key && x.Published).FirstOrDefaultAsync()!;

    public async Task<bool> GraphKeyTakenAsync(string key, string contentItemId) =>
        await session.Query<ContentItem, DataGraphIndex>(x => x.GraphKey == key && x.ContentItemId != contentItemId && (x.Published || x.Latest)).CountAsync() > 0;

    public async Task<bool> AudienceKeyTakenAsync(string key, string contentItemId) =>
        await session.Query<ContentItem, LinkedAudienceIndex>(x => x.AudienceKey == key && x.ContentItemId != contentItemId && (x.Published || x.Latest)).CountAsync() > 0;

    /// <summary>The live versions (published, else latest) of every audience except <paramref name="exceptContentItemId"/>.</summary>
    public async Task<IReadOnlyList<ContentItem>> ListAudiencesAsync(string exceptContentItemId)
    {
        var items = await session.Query<ContentItem, LinkedAudienceIndex>(x => x.ContentItemId != exceptContentItemId && (x.Published || x.Latest)).ListAsync();
        return [.. items.GroupBy(i => i.ContentItemId, StringComparer.Ordinal).Select(g => g.FirstOrDefault(i => i.Published) ?? g.First())];
    }

    /// <summary>Activations (published or latest) that deliver the audience <paramref name="audienceKey"/>.</summary>
    public async Task<IReadOnlyList<ContentItem>> ListActivationsAsync(string audienceKey)
    {
        var items = await session.Query<ContentItem, ActivationIndex>(x => x.AudienceKey == audienceKey && (x.Published || x.Latest)).ListAsync();
        return [.. items.GroupBy(i => i.ContentItemId, StringComparer.Ordinal).Select(g => g.First())];
    }

    public async Task<IReadOnlyList<string>> ListPublishedGraphKeysAsync()
    {
        var indexes = await session.QueryIndex<DataGraphIndex>(x => x.Published).ListAsync();
        return [.. indexes.Select(i => i.GraphKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Audiences (published or latest) built on the graph <paramref name="graphKey"/>.</summary>
    public async Task<IReadOnlyList<ContentItem>> ListAudiencesOnGraphAsync(string graphKey)
    {
        var items = await session.Query<ContentItem, LinkedAudienceIndex>(x => x.GraphKey == graphKey && (x.Published || x.Latest)).ListAsync();
        return [.. items.GroupBy(i => i.ContentItemId, StringComparer.Ordinal).Select(g => g.First())];
    }

    public static string Describe(ContentItem item, string key) =>
        string.IsNullOrWhiteSpace(item.DisplayText) ? key : $"{item.DisplayText} ({key})";

    public static string KeyOf(ContentItem item) => item.GetOrCreate<LinkedAudiencePart>().Key ?? string.Empty;
}
