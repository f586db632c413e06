using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Lifecycle;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Core.State;
using static LinkedAudiences.Warehouses.Tests.Lifecycle.LifecycleAudiences;

namespace LinkedAudiences.Warehouses.DuckDb.Tests.Lifecycle;

/// <summary>The scheduler over the SQLite store and the real runner, on a fake clock starting at the demo anchor (00:00 UTC).</summary>
public sealed class StoredSchedulerTests : SqliteDuckDbWorld
{
    [Fact]
    public async Task Tick_IntervalAudiences_RunAtTheirGridTimesOnly()
    {
        await Host.Lifecycle.CreateAsync("quarter", Vips(), Settings(Every(15)), default);
        await Host.Lifecycle.CreateAsync("hourly", Plan("pro"), Settings(Every(60)), default);
        Clock.Advance(TimeSpan.FromMinutes(2));
        await Host.Lifecycle.EnableAsync("quarter", default);
        await Host.Lifecycle.EnableAsync("hourly", default);

        // Every five minutes for two hours: a tick runs what is due and nothing else.
        for (var minute = 5; minute <= 120; minute += 5)
        {
            Clock.SetUtcNow(Anchor.AddMinutes(minute));
            await Host.Scheduler.TickAsync(default);
        }

        Assert.Equal(
            [.. Enumerable.Range(1, 8).Select(i => Anchor.AddMinutes(15 * i))],
            (await Host.RunsAsync("quarter")).Where(r => r.Trigger == RunTrigger.Schedule).Select(r => r.StartedAt!.Value));
        Assert.Equal(
            [Anchor.AddHours(1), Anchor.AddHours(2)],
            (await Host.RunsAsync("hourly")).Where(r => r.Trigger == RunTrigger.Schedule).Select(r => r.StartedAt!.Value));
        Assert.All(await Host.RunsAsync("quarter"), r => Assert.Equal(RunStatus.Succeeded, r.Status));
        var quarter = await Host.StateAsync("quarter");
        Assert.Equal((AudienceStatus.Live, Anchor.AddMinutes(135)), (quarter.Status, quarter.NextRunAt));
        Assert.Equal(9, await Store.Runs.GetCommittedVersionAsync("quarter", default));
    }

    [Fact]
    public async Task Tick_DuringALongRun_StartsNothing_AndTheNextRunIsScheduledFromItsEnd()
    {
        await Host.Lifecycle.CreateAsync("quarter", Vips(), Settings(Every(15)), default);
        await Host.Lifecycle.EnableAsync("quarter", default);
        Clock.SetUtcNow(Anchor.AddMinutes(15));
        var held = Host.HoldNextRun();

        var slow = Host.Scheduler.TickAsync(default);
        await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var computing = await Host.StateAsync("quarter");

        // The run is still going at 00:31 and 00:46: neither this host nor another one sharing the store starts one.
        var otherHost = new AudienceScheduler(Store.Audiences, Store.Runs, Store.Leases, Host.Runner, Clock);
        Clock.SetUtcNow(Anchor.AddMinutes(31));
        Assert.Empty(await Host.Scheduler.TickAsync(default));
        Clock.SetUtcNow(Anchor.AddMinutes(46));
        var elsewhere = Assert.Single(await otherHost.TickAsync(default));
        held.Release.SetResult();
        var finished = Assert.Single(await slow);

        Assert.Equal((AudienceStatus.Computing, (DateTimeOffset?)null), (computing.Status, computing.NextRunAt));
        Assert.Equal(LifecycleRunOutcome.RunningElsewhere, elsewhere.Outcome);
        Assert.Equal(LifecycleRunOutcome.Succeeded, finished.Outcome);
        Assert.Equal(Anchor.AddMinutes(15), finished.Run!.StartedAt);
        Assert.Equal(Anchor.AddMinutes(46), finished.Run.FinishedAt);
        Assert.Equal(Anchor.AddMinutes(60), finished.State!.NextRunAt);
        Assert.Equal(2, (await Host.RunsAsync("quarter")).Count);
    }

    [Fact]
    public async Task Tick_UnfinishedRunOfALiveAudience_WaitsUntilDue_ThenIsResumedUnderItsId()
    {
        await Host.Lifecycle.CreateAsync("quarter", Vips(), Settings(Every(15)), default);
        await Host.Lifecycle.EnableAsync("quarter", default);
        // A run started outside the lifecycle (the CLI's "run") whose process died: the audience still shows Live.
        await Store.Runs.CreateRunAsync(Unfinished("cli-crash", 2, Anchor.AddMinutes(1)), default);

        Clock.SetUtcNow(Anchor.AddMinutes(5));
        Assert.Empty(await Host.Scheduler.TickAsync(default));
        Assert.Equal(RunStatus.Running, (await Store.Runs.FindRunAsync("cli-crash", default))!.Status);

        Clock.SetUtcNow(Anchor.AddMinutes(15));
        var resumed = Assert.Single(await Host.Scheduler.TickAsync(default));

        Assert.Equal(("cli-crash", RunStatus.Succeeded, RunTrigger.Manual), (resumed.Run!.RunId, resumed.Run.Status, resumed.Run.Trigger));
        Assert.Equal((AudienceStatus.Live, Anchor.AddMinutes(30)), (resumed.State!.Status, resumed.State.NextRunAt));
        Assert.Equal(2, (await Host.RunsAsync("quarter")).Count);
    }

    [Fact]
    public async Task Tick_RunJustFinishedElsewhereButNotYetRecorded_IsNotRepeated_UntilTheOutcomeWindowPasses()
    {
        await Host.Lifecycle.CreateAsync("quarter", Vips(), Settings(Every(15)), default);
        await Host.Lifecycle.EnableAsync("quarter", default);
        var live = await Host.StateAsync("quarter");

        // Another host claimed the 00:15 slot and committed its run; it has not written Live and the next run yet.
        Clock.SetUtcNow(Anchor.AddMinutes(15).AddSeconds(10));
        var claimed = live with { Status = AudienceStatus.Computing, NextRunAt = null };
        await Store.Audiences.UpdateStateAsync("quarter", claimed, default);
        var elsewhere = Unfinished("elsewhere", 2, Anchor.AddMinutes(15));
        await Store.Runs.CreateRunAsync(elsewhere, default);
        await Store.Runs.CommitRunAsync(
            elsewhere with { Status = RunStatus.Succeeded, FinishedAt = Clock.GetUtcNow() }, AsyncEnumerable.Empty<AudienceEvent>(), default);

        var waited = Assert.Single(await Host.Scheduler.TickAsync(default));

        Assert.Equal(LifecycleRunOutcome.RunningElsewhere, waited.Outcome);
        Assert.Equal(claimed, await Host.StateAsync("quarter"));
        Assert.Equal(2, (await Host.RunsAsync("quarter")).Count);

        // That host never came back: once the window has passed, the claim it left is run again.
        Clock.Advance(StoredAudienceRunner.OutcomeWindow + TimeSpan.FromSeconds(1));
        var rerun = Assert.Single(await Host.Scheduler.TickAsync(default));

        Assert.Equal((LifecycleRunOutcome.Succeeded, 3L), (rerun.Outcome, rerun.Run!.MembershipVersion));
        Assert.Equal((AudienceStatus.Live, Anchor.AddMinutes(30)), (rerun.State!.Status, rerun.State.NextRunAt));
    }

    [Fact]
    public async Task Tick_HostStoppedMidRun_NextTickResumesTheSameRunAndVersion()
    {
        await Host.Lifecycle.CreateAsync("quarter", Vips(), Settings(Every(15)), default);
        await Host.Lifecycle.EnableAsync("quarter", default);
        var before = await MembershipAsync("quarter");
        await ExecuteAsync("UPDATE profiles SET is_vip = NOT is_vip WHERE profile_id LIKE '%6'");
        Clock.SetUtcNow(Anchor.AddMinutes(15));
        var held = Host.HoldNextRun();
        using var stopping = new CancellationTokenSource();

        var tick = Host.Scheduler.TickAsync(stopping.Token);
        await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tick);

        var interrupted = Assert.Single(await Store.Runs.ListUnfinishedRunsAsync(default));
        var stopped = await Host.StateAsync("quarter");
        Assert.Equal((AudienceStatus.Computing, (DateTimeOffset?)null), (stopped.Status, stopped.NextRunAt));
        Clock.SetUtcNow(Anchor.AddMinutes(17));
        var resumed = Assert.Single(await Host.Scheduler.TickAsync(default));

        var after = await MembersAsync(Vips());
        Assert.Equal((interrupted.RunId, 2L, RunTrigger.Schedule), (resumed.Run!.RunId, resumed.Run.MembershipVersion, resumed.Run.Trigger));
        Assert.Equal(Anchor.AddMinutes(15), resumed.Run.AsOf);
        var events = await OutboxAsync(interrupted.RunId);
        Assert.Equal(new SortedSet<string>(after.Except(before), StringComparer.Ordinal), Subjects(events, AudienceEventKind.ProfileEntered));
        Assert.Equal(new SortedSet<string>(before.Except(after), StringComparer.Ordinal), Subjects(events, AudienceEventKind.ProfileExited));
        Assert.Equal((AudienceStatus.Live, Anchor.AddMinutes(30)), (resumed.State!.Status, resumed.State.NextRunAt));
        Assert.Equal(2, (await Host.RunsAsync("quarter")).Count);
    }

    private static RunRecord Unfinished(string runId, long version, DateTimeOffset at) => new()
    {
        RunId = runId,
        AudienceKey = "quarter",
        DefinitionVersion = 1,
        MembershipVersion = version,
        Trigger = RunTrigger.Manual,
        QueuedAt = at,
        StartedAt = at,
        AsOf = at,
        Status = RunStatus.Running,
    };
}
