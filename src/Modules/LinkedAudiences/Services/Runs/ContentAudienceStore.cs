using System.Globalization;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Validation;
using LinkedAudiences.Indexes;
using LinkedAudiences.Models;
using OrchardCore.ContentManagement;
using OrchardCore.ContentManagement.Records;
using OrchardCore.Data;
using YesSql;
using YesSql.Indexes;

namespace LinkedAudiences.Services.Runs;

/// <summary>
/// The engine's <see cref="IAudienceStore"/> over the module's content items, for the scheduler, the lifecycle and the
/// stored runner: definitions and graphs are the *published* LinkedAudience and DataGraph items, their version the
/// position of that content version among the item's versions (1 for the first), which is what a run records. The
/// lifecycle state is an <see cref="AudienceRunState"/> on the published item.
/// </summary>
/// <remarks>
/// Every call reads and writes through a session of its own, committed before it returns: the lifecycle's state gate
/// holds a lease only around one read and one write, so a write must be durable (and visible to other instances)
/// before the lease is released, and the scheduler calls this store from several runs at once, which one YesSql
/// session cannot serve. Callers must not call it while the request's session holds a write transaction (SQLite
/// would lock): the module calls it from the background task, from admin actions that write nothing through YesSql
/// before, and from deferred tasks after a publish is committed. Content is edited in the admin, so the save and
/// delete methods are refused.
/// </remarks>
public sealed class ContentAudienceStore(IStore store, IEnumerable<IScopedIndexProvider> scopedIndexProviders) : IAudienceStore
{
    private const int ConcurrencyAttempts = 5;

    private readonly IScopedIndexProvider[] _scopedIndexProviders = [.. scopedIndexProviders];

    public Task<StoredGraph> SaveGraphAsync(string key, DataGraph graph, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Data graphs are content items: edit and publish them in the admin.");

    public Task<StoredAudience> SaveAudienceAsync(string key, AudienceDefinition definition, AudienceSettings settings, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Linked audiences are content items: edit and publish them in the admin.");

    public Task DeleteAudienceAsync(string key, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Linked audiences are content items: delete them in the admin.");

    public async Task<StoredGraph?> GetGraphAsync(string key, int? version, CancellationToken cancellationToken)
    {
        await using var session = OpenSession();
        var item = await session.Query<ContentItem, DataGraphIndex>(x => x.GraphKey == key && x.Published).FirstOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return null;
        }

        var published = await VersionOfAsync(session, item, cancellationToken);
        if (version is { } wanted && wanted != published)
        {
            item = await NthVersionAsync(session, item.ContentItemId, wanted, cancellationToken);
            if (item is null)
            {
                return null;
            }
        }

        var graph = GraphReader.Read(item.GetOrCreate<DataGraphPart>().Graph ?? string.Empty).Value;
        return graph is null ? null : new StoredGraph(key, version ?? published, graph, SavedAt(item));
    }

    public async Task<StoredAudience?> GetAudienceAsync(string key, int? version, CancellationToken cancellationToken)
    {
        await using var session = OpenSession();
        var item = await FindPublishedAsync(session, key, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var published = await VersionOfAsync(session, item, cancellationToken);
        var state = StateOf(item);
        if (version is { } wanted && wanted != published)
        {
            var older = await NthVersionAsync(session, item.ContentItemId, wanted, cancellationToken);
            return older is null ? null : ToStored(key, older, wanted, state);
        }

        return ToStored(key, item, published, state);
    }

    public async Task<IReadOnlyList<StoredAudience>> ListAudiencesAsync(CancellationToken cancellationToken)
    {
        await using var session = OpenSession();
        var items = await session.Query<ContentItem, LinkedAudienceIndex>(x => x.Published).ListAsync(cancellationToken);
        var audiences = new List<StoredAudience>();
        foreach (var item in items)
        {
            var key = item.GetOrCreate<LinkedAudiencePart>().Key;
            if (!string.IsNullOrEmpty(key)
                && ToStored(key, item, await VersionOfAsync(session, item, cancellationToken), StateOf(item)) is { } audience)
            {
                audiences.Add(audience);
            }
        }

        return [.. audiences.OrderBy(a => a.Key, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<int>> ListVersionsAsync(string key, CancellationToken cancellationToken)
    {
        await using var session = OpenSession();
        var item = await FindPublishedAsync(session, key, cancellationToken);
        if (item is null)
        {
            return [];
        }

        var count = await session.QueryIndex<ContentItemIndex>(x => x.ContentItemId == item.ContentItemId).CountAsync(cancellationToken);
        return [.. Enumerable.Range(1, count)];
    }

    public async Task UpdateStateAsync(string key, AudienceState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = OpenSession();
            var item = await FindPublishedAsync(session, key, cancellationToken)
                ?? throw new KeyNotFoundException($"There is no published audience with the key '{key}'.");
            Apply(item, state);
            try
            {
                // The concurrency check refuses the save when the document changed since it was read (a publish
                // unpublishing it, say): the state is then written again on what is published now.
                await session.SaveAsync(item, checkConcurrency: true, collection: null, cancellationToken);
                await session.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (ConcurrencyException) when (attempt < ConcurrencyAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>The lifecycle state as stored on an item (disabled when it never had one).</summary>
    public static AudienceState StateOf(ContentItem item) =>
        item.Has<AudienceRunState>() ? item.Get<AudienceRunState>(nameof(AudienceRunState))!.ToState() : new AudienceState();

    /// <summary>Writes the state on the item and mirrors what the index lists onto the part.</summary>
    public static void Apply(ContentItem item, AudienceState state)
    {
        item.Alter<AudienceRunState>(nameof(AudienceRunState), s => s.Set(state));
        item.Alter<LinkedAudiencePart>(part =>
        {
            part.Enabled = state.Enabled;
            part.Status = state.Status;
            part.NextRunAtUtc = state.NextRunAt?.UtcDateTime;
        });
    }

    public static RunSchedule ScheduleOf(LinkedAudiencePart part) => new()
    {
        Kind = part.ScheduleKind,
        IntervalMinutes = part.IntervalMinutes,
        Days = part.Days ?? [],
        TimeOfDay = TimeOnly.TryParseExact(part.TimeOfDay, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null,
    };

    private ISession OpenSession()
    {
        var session = store.CreateSession();
        session.RegisterIndexes(_scopedIndexProviders);
        return session;
    }

    private static Task<ContentItem?> FindPublishedAsync(ISession session, string key, CancellationToken cancellationToken) =>
        session.Query<ContentItem, LinkedAudienceIndex>(x => x.AudienceKey == key && x.Published).FirstOrDefaultAsync(cancellationToken)!;

    /// <summary>1 for an item's first version: its rank among the item's version documents.</summary>
    private static async Task<int> VersionOfAsync(ISession session, ContentItem item, CancellationToken cancellationToken) =>
        await session.QueryIndex<ContentItemIndex>(x => x.ContentItemId == item.ContentItemId && x.DocumentId <= item.Id).CountAsync(cancellationToken);

    private static async Task<ContentItem?> NthVersionAsync(ISession session, string contentItemId, int version, CancellationToken cancellationToken)
    {
        if (version < 1)
        {
            return null;
        }

        var versions = await session.Query<ContentItem, ContentItemIndex>(x => x.ContentItemId == contentItemId)
            .OrderBy(x => x.DocumentId)
            .Skip(version - 1)
            .Take(1)
            .ListAsync(cancellationToken);
        return versions.FirstOrDefault();
    }

    private static StoredAudience? ToStored(string key, ContentItem item, int version, AudienceState state)
    {
        var part = item.GetOrCreate<LinkedAudiencePart>();
        var definition = DefinitionReader.Read(part.Definition ?? string.Empty).Value;
        if (definition is null)
        {
            // Only a version that never passed publish validation can be unreadable; it cannot be run.
            return null;
        }

        var settings = new AudienceSettings
        {
            Name = item.DisplayText,
            GraphKey = part.GraphKey ?? string.Empty,
            Schedule = ScheduleOf(part),
        };
        return new StoredAudience(key, version, definition, settings, state, SavedAt(item));
    }

    private static DateTimeOffset SavedAt(ContentItem item)
    {
        var at = item.PublishedUtc ?? item.ModifiedUtc ?? item.CreatedUtc ?? DateTime.UnixEpoch;
        return new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
    }
}
