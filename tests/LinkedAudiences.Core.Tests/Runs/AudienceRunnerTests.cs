using System.Runtime.CompilerServices;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Testing.State;

namespace LinkedAudiences.Core.Tests.Runs;

/// <summary>The runner's rules that need no real warehouse (the end-to-end runs are in the connector test projects).</summary>
public sealed class AudienceRunnerTests
{
    private readonly ManualClock _clock = new(Compiled.AsOf);
    private readonly InMemoryRunStore _store = new();

    [Fact]
    public async Task Run_LeaseCannotBeRenewed_FailsWithoutCommitting()
    {
        var leases = new RefusingRenewals(new InMemoryLeaseStore(_clock));
        var runner = new AudienceRunner(new HangingWarehouse(), _store, leases, _clock, new AudienceRunnerOptions { LeaseDuration = TimeSpan.FromMilliseconds(150) });

        var result = await runner.RunAsync(await RequestAsync(), CancellationToken.None);

        Assert.Equal(AudienceRunOutcome.Failed, result.Outcome);
        Assert.Equal("The run lost its lease (another host may be running the audience); nothing was committed.", result.StatusReason);
        Assert.Equal(0, await _store.GetCommittedVersionAsync("pro-outstanding", CancellationToken.None));
        Assert.Empty(_store.Outbox);
    }

    [Fact]
    public async Task Run_CallerCancels_LeavesTheRunRunningAndReleasesTheLease()
    {
        var leases = new InMemoryLeaseStore(_clock);
        var runner = new AudienceRunner(new HangingWarehouse(), _store, leases, _clock);
        var request = await RequestAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(request, cancel.Token));

        var run = Assert.Single(await _store.ListUnfinishedRunsAsync(CancellationToken.None));
        Assert.Equal(RunStatus.Running, run.Status);
        Assert.Equal(1, run.MembershipVersion);
        Assert.Null(leases.HolderOf(AudienceRunner.LeaseName("pro-outstanding")));
    }

    [Fact]
    public async Task Run_CompiledForAnotherDialect_IsRefused()
    {
        var runner = new AudienceRunner(new HangingWarehouse(), _store, new InMemoryLeaseStore(_clock), _clock);
        var request = await RequestAsync(PostgreSqlDialect.Instance);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync(request, CancellationToken.None));

        Assert.StartsWith("The audience was compiled for postgres, the warehouse speaks duckdb.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RunIdOfAFinishedRun_IsRefused()
    {
        var run = new RunRecord
        {
            RunId = "done", AudienceKey = "pro-outstanding", DefinitionVersion = 1, MembershipVersion = 1, Trigger = RunTrigger.Manual,
            QueuedAt = Compiled.AsOf, AsOf = Compiled.AsOf, Status = RunStatus.Failed, Error = "boom",
        };
        await _store.CreateRunAsync(run, CancellationToken.None);
        var runner = new AudienceRunner(new HangingWarehouse(), _store, new InMemoryLeaseStore(_clock), _clock);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await runner.RunAsync((await RequestAsync()) with { RunId = "done" }, CancellationToken.None));

        Assert.Equal("Run 'done' has already finished (Failed).", error.Message);
    }

    private static async Task<AudienceRunRequest> RequestAsync(SqlDialect? dialect = null) => new()
    {
        AudienceKey = "pro-outstanding",
        Compiled = await Compiled.CompileAsync(dialect ?? DuckDbDialect.Instance),
        AsOf = Compiled.AsOf,
    };

    /// <summary>A warehouse whose every statement waits until it is cancelled.</summary>
    private sealed class HangingWarehouse : IWarehouse
    {
        public SqlDialect Dialect => DuckDbDialect.Instance;

        public Task<IReadOnlyList<WarehouseTable>> DescribeTablesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<WarehouseTable>>([]);

        public async IAsyncEnumerable<object?[]> QueryAsync(SqlQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            yield break;
        }

        public async Task<int> ExecuteAsync(SqlQuery query, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class RefusingRenewals(ILeaseStore inner) : ILeaseStore
    {
        public Task<bool> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken) => inner.TryAcquireAsync(name, owner, duration, cancellationToken);

        public Task<bool> RenewAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken) => inner.ReleaseAsync(name, owner, cancellationToken);
    }
}
