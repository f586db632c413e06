using LinkedAudiences.Models;
using OrchardCore.ContentManagement;
using OrchardCore.ContentManagement.Records;
using OrchardCore.Data;
using YesSql;

namespace LinkedAudiences.Services.Audiences;

/// <summary>
/// Changes to an audience that are not edits of its definition (settings, alerts, fired in-app alerts): written in
/// place on its published version and on its newer draft, if any, so no new content version (no new definition
/// version in the run history) is made and a later publish of the draft keeps them.
/// </summary>
/// <remarks>
/// Through a session of its own, committed before it returns, with YesSql's concurrency check (the run machinery
/// writes the lifecycle state on the same published document from its own sessions; a lost race is read again and
/// retried). So it never holds the request session's write lock, and the caller may start a run afterwards.
/// </remarks>
public sealed class AudienceItemWriter(IStore store, IEnumerable<IScopedIndexProvider> scopedIndexProviders)
{
    private const int Attempts = 5;

    private readonly IScopedIndexProvider[] _scopedIndexProviders = [.. scopedIndexProviders];

    /// <summary>Applies <paramref name="change"/> to every live version (published and latest) of the item.</summary>
    /// <returns>False when the item has no live version.</returns>
    public async Task<bool> AlterAsync(string contentItemId, Action<ContentItem, LinkedAudiencePart> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = OpenSession();
            var versions = await session.Query<ContentItem, ContentItemIndex>(x => x.ContentItemId == contentItemId && (x.Published || x.Latest))
                .ListAsync(cancellationToken);
            var live = versions.Where(v => v.Has<LinkedAudiencePart>()).ToList();
            if (live.Count == 0)
            {
                return false;
            }

            foreach (var item in live)
            {
                var part = item.Get<LinkedAudiencePart>(nameof(LinkedAudiencePart))!;
                change(item, part);
                item.Apply(nameof(LinkedAudiencePart), part);
                await session.SaveAsync(item, checkConcurrency: true, collection: null, cancellationToken);
            }

            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (ConcurrencyException) when (attempt < Attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>The live version of the item: published, else the latest draft; null when there is none.</summary>
    public async Task<ContentItem?> ReadAsync(string contentItemId, CancellationToken cancellationToken)
    {
        await using var session = OpenSession();
        var versions = await session.Query<ContentItem, ContentItemIndex>(x => x.ContentItemId == contentItemId && (x.Published || x.Latest))
            .ListAsync(cancellationToken);
        return versions.Where(v => v.Has<LinkedAudiencePart>()).OrderByDescending(v => v.Published).FirstOrDefault();
    }

    private ISession OpenSession()
    {
        var session = store.CreateSession();
        session.RegisterIndexes(_scopedIndexProviders);
        return session;
    }
}
