using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Snapshots;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Testing.State;

namespace LinkedAudiences.Warehouses.Tests.Runs;

/// <summary>A fresh warehouse per test (from the engine's <see cref="IRunTestEngine"/>), in-memory state stores, a still clock.</summary>
public abstract class RunTestBase : IAsyncLifetime
{
    protected static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private IRunTestEngine? _engine;
    private IWarehouse? _warehouse;

    protected ManualClock Clock { get; } = new(AsOf);

    protected InMemoryRunStore Store { get; } = new();

    protected InMemoryLeaseStore Leases { get; private set; } = null!;

    protected IWarehouse Warehouse => _warehouse ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>The snapshot schema of this test (fresh per test).</summary>
    protected string SnapshotSchema => _engine?.SnapshotSchema ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>Where part-of-audience conditions find other definitions.</summary>
    protected abstract IAudienceCatalog Catalog { get; }

    public async Task InitializeAsync()
    {
        Leases = new InMemoryLeaseStore(Clock);
        _engine = CreateEngine();
        var (warehouse, loader) = await _engine.OpenAsync();
        _warehouse = warehouse;
        await LoadAsync(loader);
    }

    public async Task DisposeAsync()
    {
        if (_engine is not null)
        {
            await _engine.CloseAsync();
        }
    }

    protected abstract IRunTestEngine CreateEngine();

    /// <summary>Loads the test's world into the fresh warehouse.</summary>
    protected abstract Task LoadAsync(IBulkLoader loader);

    protected AudienceRunnerOptions Options() => new() { Snapshots = new SnapshotOptions { Schema = SnapshotSchema } };

    protected AudienceEngine Engine() => new(DemoGraph.Graph, Catalog, new AudienceEngineOptions { MembershipSchema = SnapshotSchema });

    protected async Task<AudienceRunResult> RunAsync(
        AudienceDefinition definition, string key, EnrichmentSpec enrichment,
        IWarehouse? warehouse = null, IRunStore? store = null, AudienceRunnerOptions? options = null, string? runId = null)
    {
        var compiled = await Engine().CompileAsync(definition, Warehouse.Dialect, AsOf, CancellationToken.None, key);
        var runner = new AudienceRunner(warehouse ?? Warehouse, store ?? Store, Leases, Clock, options ?? Options());
        return await runner.RunAsync(new AudienceRunRequest { AudienceKey = key, Compiled = compiled, AsOf = AsOf, Enrichment = enrichment, RunId = runId }, CancellationToken.None);
    }

    protected List<AudienceEvent> EventsOf(AudienceRunResult result) =>
        [.. Store.Outbox.Where(e => e.Event.RunId == result.Run!.RunId).Select(e => e.Event)];

    protected async Task ExecuteAllAsync(IEnumerable<string> statements)
    {
        foreach (var statement in statements)
        {
            await ExecuteAsync(statement);
        }
    }

    protected Task<int> ExecuteAsync(string sql) => Warehouse.ExecuteAsync(SqlQuery.Text(sql), CancellationToken.None);

    protected async Task<List<string>> MembersAsync(AudienceDefinition definition)
    {
        var members = new List<string>();
        await foreach (var member in Engine().MembersAsync(Warehouse, definition, AsOf, CancellationToken.None))
        {
            members.Add(member);
        }

        return [.. members.Order(StringComparer.Ordinal)];
    }

    protected async Task<List<string>> MembershipAsync(string key)
    {
        var view = Warehouse.Dialect.QuoteTable(SnapshotSchema, "audience_membership");
        var rows = new List<string>();
        await foreach (var row in Warehouse.QueryAsync(new SqlQuery($"SELECT member_key FROM {view} WHERE audience_key = $1", [new SqlParameter("p1", key)]), CancellationToken.None))
        {
            rows.Add((string)row[0]!);
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }

    protected async Task<List<long>> SnapshotVersionsAsync(string key)
    {
        var table = Warehouse.Dialect.QuoteTable(SnapshotSchema, "snapshot_members");
        var rows = new List<long>();
        await foreach (var row in Warehouse.QueryAsync(new SqlQuery($"SELECT DISTINCT version FROM {table} WHERE audience_key = $1 ORDER BY version", [new SqlParameter("p1", key)]), CancellationToken.None))
        {
            rows.Add((long)row[0]!);
        }

        return rows;
    }
}
