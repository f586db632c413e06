using LinkedAudiences.Core.Lifecycle;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Core.Snapshots;
using LinkedAudiences.Core.State;
using LinkedAudiences.Warehouses.Tests.Runs;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Warehouses.Tests.Lifecycle;

/// <summary>
/// One host instance wired as a real host wires it: a state store, a warehouse (behind an interceptor, so that a test
/// can hold a run inside it), a <see cref="StoredAudienceRunner"/>, the snapshot cleaner, and a lifecycle and a
/// scheduler sharing one registry of running audiences.
/// </summary>
internal sealed class StoredHost
{
    public StoredHost(IStateStore state, IWarehouse warehouse, TimeProvider time, string snapshotSchema)
    {
        State = state;
        Warehouse = new InterceptingWarehouse(warehouse);
        // Tests move the fake clock by many minutes while a run is held; a lease longer than those jumps keeps the
        // heartbeat and the expiry out of what they check.
        var options = new AudienceRunnerOptions { Snapshots = new SnapshotOptions { Schema = snapshotSchema }, LeaseDuration = TimeSpan.FromHours(2) };
        Runner = new StoredAudienceRunner(state, Warehouse, time, options);
        Cleaner = new WarehouseSnapshotCleaner(Warehouse, options.Snapshots);
        Lifecycle = new AudienceLifecycle(
            state.Audiences, state.Runs, state.Leases, Runner, Cleaner, StoredAudienceValidation.For(state.Audiences), time, Running);
        Scheduler = new AudienceScheduler(state.Audiences, state.Runs, state.Leases, Runner, time, Running);
    }

    public IStateStore State { get; }

    public InterceptingWarehouse Warehouse { get; }

    public StoredAudienceRunner Runner { get; }

    public WarehouseSnapshotCleaner Cleaner { get; }

    public RunningAudiences Running { get; } = new();

    public AudienceLifecycle Lifecycle { get; }

    public AudienceScheduler Scheduler { get; }

    /// <summary>
    /// Holds the next run that reaches the warehouse until the returned gate is opened; <c>Entered</c> completes when it got there.
    /// </summary>
    public HeldRun HoldNextRun()
    {
        var held = new HeldRun();
        Warehouse.BeforeExecute = async (_, ct) =>
        {
            Warehouse.BeforeExecute = null;
            held.Entered.TrySetResult();
            await held.Release.Task.WaitAsync(ct);
        };
        return held;
    }

    public async Task<AudienceState> StateAsync(string key) =>
        (await State.Audiences.GetAudienceAsync(key, null, CancellationToken.None))?.State
        ?? throw new InvalidOperationException($"No audience '{key}'.");

    public async Task<List<RunRecord>> RunsAsync(string key) =>
        [.. (await State.Runs.ListRunsAsync(key, 50, CancellationToken.None)).OrderBy(r => r.StartedAt)];
}

internal sealed class HeldRun
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
