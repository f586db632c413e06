using System.Globalization;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Lifecycle;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Core.State;
using LinkedAudiences.Storage;
using LinkedAudiences.Warehouses.PostgreSql.Tests.Support;
using LinkedAudiences.Warehouses.Tests.Lifecycle;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit.Abstractions;
using static LinkedAudiences.Warehouses.Tests.Lifecycle.LifecycleAudiences;

namespace LinkedAudiences.Warehouses.PostgreSql.Tests.Lifecycle;

/// <summary>
/// Two host instances, each with its own state store connection, warehouse connection, runner, lifecycle and
/// scheduler, sharing one PostgreSQL state store (its own schema per test) and one PostgreSQL warehouse with the demo
/// world at 300 profiles. The fake clock advances a millisecond on every reading, so runs that overlapped would show it
/// in their recorded start and finish times.
/// </summary>
public sealed class CrossInstanceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DateTimeOffset Anchor = DemoWarehouseOptions.DefaultAnchor;
    private static readonly string[] Keys = ["vips", "pros", "free"];

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];
    private readonly List<IAsyncDisposable> _owned = [];
    private PostgreSqlWarehouse? _admin;
    private StoredHost? _a;
    private StoredHost? _b;

    private FakeTimeProvider Clock { get; } = new(Anchor) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    private string DataSchema => "la_lc_data_" + _suffix;

    private string StateSchema => "la_lc_state_" + _suffix;

    private string SnapshotSchema => "la_lc_snap_" + _suffix;

    private StoredHost A => _a ?? throw new InvalidOperationException("Not initialized.");

    private StoredHost B => _b ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        await AdminAsync($"CREATE SCHEMA \"{DataSchema}\"");
        _admin = await OpenWarehouseAsync();
        await DemoWarehouseBuilder.BuildAsync(_admin, new DemoWarehouseOptions { Profiles = 300 }, CancellationToken.None);
        _a = await OpenHostAsync();
        _b = await OpenHostAsync();
        await A.State.Audiences.SaveGraphAsync(GraphKey, DemoGraph.Graph, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        await AdminAsync($"DROP SCHEMA IF EXISTS \"{DataSchema}\" CASCADE; DROP SCHEMA IF EXISTS \"{StateSchema}\" CASCADE; DROP SCHEMA IF EXISTS \"{SnapshotSchema}\" CASCADE");
    }

    [Fact]
    public async Task Tick_TwoInstancesConcurrently_RunEachSlotOnce_NeverOverlapping_EachMessageIdOnce()
    {
        await A.Lifecycle.CreateAsync("vips", Vips(), Settings(Every(15)), default);
        await A.Lifecycle.CreateAsync("pros", Plan("pro"), Settings(Every(15)), default);
        await B.Lifecycle.CreateAsync("free", Plan("free"), Settings(Every(30)), default);
        foreach (var key in Keys)
        {
            await (key == "free" ? B : A).Lifecycle.EnableAsync(key, default);
        }

        DateTimeOffset[] slots = [.. Enumerable.Range(1, 6).Select(i => Anchor.AddMinutes(15 * i))];
        var outcomes = new List<(string Host, LifecycleRunResult Result)>();
        foreach (var (slot, i) in slots.Select((s, i) => (s, i)))
        {
            // Churn between slots, so that every run has changes to write.
            await ExecuteAsync($"UPDATE profiles SET is_vip = NOT is_vip, plan = CASE WHEN plan = 'pro' THEN 'free' ELSE 'pro' END WHERE profile_id LIKE '%{i}'");
            Clock.SetUtcNow(slot);
            await Task.WhenAll(TickRepeatedlyAsync("A", A, outcomes), TickRepeatedlyAsync("B", B, outcomes));
        }

        var ran = outcomes.Where(o => o.Result.Outcome != LifecycleRunOutcome.RunningElsewhere).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ticks handed {outcomes.Count} runs to the runners: {ran.Count} ran (A {ran.Count(o => o.Host == "A")}, B {ran.Count(o => o.Host == "B")}), {outcomes.Count - ran.Count} found the lease held"));
        foreach (var key in Keys)
        {
            var every = key == "free" ? 30 : 15;
            var runs = await A.RunsAsync(key);
            Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
            var scheduled = runs.Where(r => r.Trigger == RunTrigger.Schedule).ToList();
            Assert.Equal(
                [.. slots.Where(s => (s - Anchor).TotalMinutes % every == 0)],
                scheduled.Select(r => SlotOf(r.StartedAt!.Value)));
            for (var n = 1; n < runs.Count; n++)
            {
                Assert.True(runs[n - 1].FinishedAt <= runs[n].StartedAt, $"{key}: run {n - 1} ended {runs[n - 1].FinishedAt:O}, run {n} started {runs[n].StartedAt:O}");
            }

            Assert.Equal(runs.Count, await A.State.Runs.GetCommittedVersionAsync(key, default));
            var state = await B.StateAsync(key);
            Assert.Equal((AudienceStatus.Live, slots[^1].AddMinutes(every)), (state.Status, state.NextRunAt));
        }

        var outbox = await A.State.Runs.ReadOutboxAfterAsync(0, 1_000_000, default);
        Assert.NotEmpty(outbox);
        Assert.Equal(outbox.Count, outbox.Select(e => e.Event.MessageId).Distinct(StringComparer.Ordinal).Count());
        var allRuns = new List<RunRecord>();
        foreach (var key in Keys)
        {
            allRuns.AddRange(await A.RunsAsync(key));
        }

        foreach (var run in allRuns)
        {
            var events = outbox.Where(e => e.Event.RunId == run.RunId).Select(e => e.Event).ToList();
            Assert.Equal(
                (run.Summary.Entered, run.Summary.Exited),
                (events.LongCount(e => e.Kind == AudienceEventKind.ProfileEntered), events.LongCount(e => e.Kind == AudienceEventKind.ProfileExited)));
        }
    }

    [Fact]
    public async Task RunNow_OnBothInstancesAtOnce_OneRuns_TheOtherIsToldARunIsInProgress()
    {
        await A.Lifecycle.CreateAsync("vips", Vips(), Settings(Every(60)), default);
        await A.Lifecycle.EnableAsync("vips", default);
        await ExecuteAsync("UPDATE profiles SET is_vip = NOT is_vip WHERE profile_id LIKE '%4'");
        var held = A.HoldNextRun();

        var first = A.Lifecycle.RunNowAsync("vips", default);
        await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var second = await Assert.ThrowsAsync<AudienceLifecycleException>(() => B.Lifecycle.RunNowAsync("vips", default));
        var computing = await B.StateAsync("vips");
        held.Release.SetResult();
        var done = await first;

        Assert.Equal(LifecycleError.RunInProgress, second.Error);
        Assert.Equal(AudienceStatus.Computing, computing.Status);
        Assert.Equal(LifecycleRunOutcome.Succeeded, done.Outcome);
        Assert.True(done.Run!.Summary.Entered + done.Run.Summary.Exited > 0);
        Assert.Equal(AudienceStatus.Live, (await B.StateAsync("vips")).Status);
        Assert.Equal([RunTrigger.Enabled, RunTrigger.Manual], (await B.RunsAsync("vips")).Select(r => r.Trigger));
    }

    private static DateTimeOffset SlotOf(DateTimeOffset started) =>
        new(started.Ticks - (started.Ticks % TimeSpan.FromMinutes(15).Ticks), TimeSpan.Zero);

    private static async Task TickRepeatedlyAsync(string name, StoredHost host, List<(string, LifecycleRunResult)> outcomes)
    {
        for (var i = 0; i < 8; i++)
        {
            foreach (var result in await host.Scheduler.TickAsync(default))
            {
                lock (outcomes)
                {
                    outcomes.Add((name, result));
                }
            }
        }
    }

    private async Task<StoredHost> OpenHostAsync()
    {
        var location = new NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString) { SearchPath = StateSchema }.ToString();
        var store = await StateStore.OpenAsync(new StateStoreLocation(StateStoreLocation.Postgres, location), Clock, CancellationToken.None);
        _owned.Add(store);
        return new StoredHost(store, await OpenWarehouseAsync(), Clock, SnapshotSchema);
    }

    private async Task<PostgreSqlWarehouse> OpenWarehouseAsync()
    {
        var warehouse = await PostgreSqlWarehouse.OpenAsync(PostgresTestServer.ConnectionString, PostgreSqlDialect.Instance, DataSchema, CancellationToken.None);
        _owned.Add(warehouse);
        return warehouse;
    }

    private Task<int> ExecuteAsync(string sql) => _admin!.ExecuteAsync(SqlQuery.Text(sql), CancellationToken.None);

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresTestServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
