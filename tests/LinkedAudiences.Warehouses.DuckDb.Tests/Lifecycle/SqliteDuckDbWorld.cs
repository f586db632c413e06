using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Snapshots;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Core.State;
using LinkedAudiences.Storage;
using LinkedAudiences.Warehouses.Tests.Lifecycle;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace LinkedAudiences.Warehouses.DuckDb.Tests.Lifecycle;

/// <summary>
/// Per test: a SQLite state store in a temporary folder, the demo world at 300 profiles in an in-memory DuckDB, the
/// demo graph saved as "demo", a fake clock at the demo anchor, and one host wired over them.
/// </summary>
public abstract class SqliteDuckDbWorld : IAsyncLifetime
{
    protected const string SnapshotSchema = "linked_audiences";

    protected static readonly DateTimeOffset Anchor = DemoWarehouseOptions.DefaultAnchor;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "la-lifecycle-tests", Guid.NewGuid().ToString("N"));
    private StateStore? _store;
    private DuckDbWarehouse? _duckDb;
    private StoredHost? _host;

    protected FakeTimeProvider Clock { get; } = new(Anchor);

    internal StoredHost Host => _host ?? throw new InvalidOperationException("Not initialized.");

    protected IStateStore Store => _store ?? throw new InvalidOperationException("Not initialized.");

    protected DuckDbWarehouse DuckDb => _duckDb ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        _store = await StateStore.OpenAsync("sqlite:" + Path.Combine(_folder, "state.db"), Clock, CancellationToken.None);
        _duckDb = await DuckDbWarehouse.OpenAsync(DuckDbWarehouse.InMemory, DuckDbDialect.Instance, CancellationToken.None);
        await DemoWarehouseBuilder.BuildAsync(_duckDb, new DemoWarehouseOptions { Profiles = 300 }, CancellationToken.None);
        await _store.Audiences.SaveGraphAsync(LifecycleAudiences.GraphKey, DemoGraph.Graph, CancellationToken.None);
        _host = new StoredHost(_store, _duckDb, Clock, SnapshotSchema);

        // The product's tables exist from the start, so that counting an audience's rows in them means something
        // before its first run.
        await new WarehouseSnapshots(_duckDb, _host.Runner.Options.Snapshots).EnsureSchemaAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_duckDb is not null)
        {
            await _duckDb.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The members the engine computes from the live data now (the oracle the runs are checked against).</summary>
    protected async Task<SortedSet<string>> MembersAsync(AudienceDefinition definition)
    {
        var engine = new AudienceEngine(DemoGraph.Graph, new StoredAudienceCatalog(Store.Audiences), Host.Runner.EngineOptions);
        var members = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var member in engine.MembersAsync(DuckDb, definition, Clock.GetUtcNow(), CancellationToken.None))
        {
            members.Add(member);
        }

        return members;
    }

    /// <summary>The audience's committed membership as the warehouse's view shows it.</summary>
    protected Task<SortedSet<string>> MembershipAsync(string key) =>
        KeysAsync($"SELECT member_key FROM {Table("audience_membership")} WHERE audience_key = $1", key);

    /// <summary>Rows the warehouse holds for the audience in each of the product's tables.</summary>
    protected async Task<(long Members, long Entities, long Pointers)> SnapshotRowsAsync(string key) =>
        (await CountAsync($"SELECT COUNT(*) FROM {Table("snapshot_members")} WHERE audience_key = $1", key),
         await CountAsync($"SELECT COUNT(*) FROM {Table("snapshot_entities")} WHERE audience_key = $1", key),
         await CountAsync($"SELECT COUNT(*) FROM {Table("committed_versions")} WHERE audience_key = $1", key));

    protected async Task<List<AudienceEvent>> OutboxAsync(string runId)
    {
        var events = new List<AudienceEvent>();
        await foreach (var entry in Store.Runs.ReadOutboxAsync(runId, CancellationToken.None))
        {
            events.Add(entry.Event);
        }

        return events;
    }

    protected static SortedSet<string> Subjects(IEnumerable<AudienceEvent> events, AudienceEventKind kind) =>
        new(events.Where(e => e.Kind == kind).Select(e => e.ProfileKey), StringComparer.Ordinal);

    protected Task<int> ExecuteAsync(string sql) => DuckDb.ExecuteAsync(SqlQuery.Text(sql), CancellationToken.None);

    private static string Table(string name) => DuckDbDialect.Instance.QuoteTable(SnapshotSchema, name);

    private async Task<long> CountAsync(string sql, string key)
    {
        await foreach (var row in DuckDb.QueryAsync(new SqlQuery(sql, [new SqlParameter("p1", key)]), CancellationToken.None))
        {
            return Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture);
        }

        return 0;
    }

    private async Task<SortedSet<string>> KeysAsync(string sql, string key)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var row in DuckDb.QueryAsync(new SqlQuery(sql, [new SqlParameter("p1", key)]), CancellationToken.None))
        {
            keys.Add((string)row[0]!);
        }

        return keys;
    }
}
