using System.Globalization;
using LinkedAudiences.Core.Lifecycle;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Tests.Lifecycle.Fakes;

namespace LinkedAudiences.Core.Tests.Scheduling;

public sealed class AudienceSchedulerTests
{
    private static readonly DateTimeOffset Start = T("2026-11-02T10:00:00Z");

    private static DateTimeOffset T(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static RunSchedule Interval(int minutes) => LifecycleHarness.Interval(minutes);

    [Fact]
    public async Task Tick_DueAudience_RunsWithScheduleTrigger_ComputingMeanwhile_NextRunFromFinish()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedLiveAsync("vips", Interval(15), nextRunAt: Start);
        AudienceState? during = null;
        h.Runner.During = async (key, ct) =>
        {
            during = await h.StateAsync(key);
            h.Clock.Advance(TimeSpan.FromMinutes(3));
        };

        var results = await h.Scheduler.TickAsync(default);

        var result = Assert.Single(results);
        Assert.Equal(("vips", RunTrigger.Schedule, LifecycleRunOutcome.Succeeded), (result.AudienceKey, result.Trigger, result.Outcome));
        Assert.Equal([("vips", RunTrigger.Schedule)], h.Runner.Started);
        Assert.Equal(AudienceStatus.Computing, during!.Status);
        Assert.Null(during.NextRunAt);
        var state = await h.StateAsync("vips");
        Assert.Equal(AudienceStatus.Live, state.Status);
        Assert.Equal(T("2026-11-02T10:15:00Z"), state.NextRunAt);
        Assert.Equal(T("2026-11-02T10:03:00Z"), state.LastRunAt);
        Assert.Equal(42, state.LastMemberCount);
        Assert.Equal(state, result.State);
    }

    [Fact]
    public async Task Tick_NotDueDisabledOrManual_RunsNothing()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedLiveAsync("later", Interval(15), nextRunAt: Start.AddTicks(1));
        await h.SeedLiveAsync("manual", RunSchedule.Manual, nextRunAt: null);
        await h.SeedAsync("disabled", Interval(15), new AudienceState { Enabled = false, Status = AudienceStatus.Disabled, NextRunAt = Start.AddHours(-1) });

        var results = await h.Scheduler.TickAsync(default);

        Assert.Empty(results);
        Assert.Empty(h.Runner.Calls);
    }

    [Fact]
    public async Task Tick_RunLongerThanInterval_NoRunStartsMeanwhile_NextRunIsGridPointAfterFinish()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedLiveAsync("vips", Interval(15), nextRunAt: Start);
        var otherHost = h.NewScheduler();
        var ticksDuringRun = new List<LifecycleRunResult>();
        h.Runner.During = async (key, ct) =>
        {
            // 70 minutes of warehouse work (renewing the run lease, as the executor does) while this host and a second
            // one tick every minute.
            for (var minute = 1; minute <= 70; minute++)
            {
                await h.Runner.RenewAsync(key);
                h.Clock.Advance(TimeSpan.FromMinutes(1));
                ticksDuringRun.AddRange(await h.Scheduler.TickAsync(ct));
                ticksDuringRun.AddRange(await otherHost.TickAsync(ct));
            }
        };

        await h.Scheduler.TickAsync(default);

        Assert.Single(h.Runner.Started);
        Assert.Equal(1, h.Runner.MaxConcurrentPerAudience);
        // This host skips what it runs; the other one only finds the lease held, 70 times.
        Assert.Equal(70, ticksDuringRun.Count);
        Assert.All(ticksDuringRun, r => Assert.Equal(LifecycleRunOutcome.RunningElsewhere, r.Outcome));
        var state = await h.StateAsync("vips");
        Assert.Equal(T("2026-11-02T11:10:00Z"), state.LastRunAt);
        Assert.Equal(T("2026-11-02T11:15:00Z"), state.NextRunAt);
        Assert.Equal(AudienceStatus.Live, state.Status);

        // Nothing before 11:15; at 11:15 the next run.
        h.Runner.During = null;
        h.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Empty(await h.Scheduler.TickAsync(default));
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(await h.Scheduler.TickAsync(default));
        Assert.Equal(2, h.Runner.Started.Count);
        Assert.Equal(T("2026-11-02T11:30:00Z"), (await h.StateAsync("vips")).NextRunAt);
    }

    [Fact]
    public async Task Tick_TwoConcurrentTicks_StartOneRun()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedLiveAsync("vips", Interval(30), nextRunAt: Start);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Runner.During = async (_, _) =>
        {
            started.SetResult();
            await release.Task;
        };

        var first = Task.Run(() => h.Scheduler.TickAsync(default));
        var second = Task.Run(() => h.Scheduler.TickAsync(default));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var done = await Task.WhenAny(first, second).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(await done);
        release.SetResult();
        var results = (await first).Concat(await second).ToList();

        Assert.Single(results);
        Assert.Equal([("vips", RunTrigger.Schedule)], h.Runner.Calls);
        Assert.Equal(T("2026-11-02T10:30:00Z"), (await h.StateAsync("vips")).NextRunAt);
    }

    [Fact]
    public async Task Tick_TwoHostInstancesSharingStores_StartOneRun()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedLiveAsync("vips", Interval(60), nextRunAt: Start);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Runner.During = (_, _) => release.Task;
        var hosts = Enumerable.Range(0, 4).Select(_ => h.NewScheduler()).ToList();

        var ticks = hosts.Select(host => Task.Run(() => host.TickAsync(default))).ToList();
        // The three hosts that lost finish their ticks while the winner's run is still going.
        await WaitUntilAsync(() => h.Runner.Started.Count == 1 && ticks.Count(t => t.IsCompleted) == 3);
        var losers = ticks.Where(t => t.IsCompleted).SelectMany(t => t.Result).ToList();
        release.SetResult();
        await Task.WhenAll(ticks);

        Assert.All(losers, r => Assert.Equal(LifecycleRunOutcome.RunningElsewhere, r.Outcome));

        Assert.Single(h.Runner.Started);
        Assert.Equal(1, h.Runner.MaxConcurrentPerAudience);
        var state = await h.StateAsync("vips");
        Assert.Equal((AudienceStatus.Live, T("2026-11-02T11:00:00Z")), (state.Status, state.NextRunAt));
    }

    [Fact]
    public async Task Tick_RunFails_FailedWithReason_NextRunStillScheduled_ThenLiveAgain()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedLiveAsync("vips", Interval(60), nextRunAt: Start);
        h.Runner.FailWith = _ => "canceling statement due to statement timeout";

        var result = Assert.Single(await h.Scheduler.TickAsync(default));

        Assert.Equal(LifecycleRunOutcome.Failed, result.Outcome);
        Assert.Equal("canceling statement due to statement timeout", result.Error);
        var failed = await h.StateAsync("vips");
        Assert.Equal((AudienceStatus.Failed, "canceling statement due to statement timeout"), (failed.Status, failed.StatusReason));
        Assert.Equal(T("2026-11-02T11:00:00Z"), failed.NextRunAt);
        Assert.Null(failed.LastMemberCount);

        h.Runner.FailWith = _ => null;
        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.Scheduler.TickAsync(default);

        var live = await h.StateAsync("vips");
        Assert.Equal((AudienceStatus.Live, null, 42L), (live.Status, live.StatusReason, live.LastMemberCount));
        Assert.Equal(T("2026-11-02T12:00:00Z"), live.NextRunAt);
    }

    [Fact]
    public async Task Tick_RunnerThrows_FailedWithTheMessage_NextRunStillScheduled()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedLiveAsync("vips", Interval(15), nextRunAt: Start);
        h.Runner.During = (_, _) => throw new InvalidOperationException("The warehouse connection was refused.");

        var result = Assert.Single(await h.Scheduler.TickAsync(default));

        Assert.Equal((LifecycleRunOutcome.Failed, "The warehouse connection was refused."), (result.Outcome, result.Error));
        var state = await h.StateAsync("vips");
        Assert.Equal((AudienceStatus.Failed, "The warehouse connection was refused."), (state.Status, state.StatusReason));
        Assert.Equal(T("2026-11-02T10:15:00Z"), state.NextRunAt);
    }

    [Fact]
    public async Task Tick_DisabledWhileRunning_StaysDisabledWithoutNextRun()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedLiveAsync("vips", Interval(15), nextRunAt: Start);
        h.Runner.During = async (key, ct) =>
        {
            await h.Lifecycle.DisableAsync(key, ct);
            h.Clock.Advance(TimeSpan.FromMinutes(5));
        };

        await h.Scheduler.TickAsync(default);

        var state = await h.StateAsync("vips");
        Assert.Equal((false, AudienceStatus.Disabled, (DateTimeOffset?)null), (state.Enabled, state.Status, state.NextRunAt));
        Assert.Equal(T("2026-11-02T10:05:00Z"), state.LastRunAt);
        h.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await h.Scheduler.TickAsync(default));
    }

    [Fact]
    public async Task Tick_RescheduledWhileRunning_NextRunFollowsTheNewSchedule()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedLiveAsync("vips", Interval(15), nextRunAt: Start);
        h.Runner.During = async (key, ct) =>
        {
            var audience = await h.Audiences.GetAudienceAsync(key, null, ct);
            await h.Lifecycle.UpdateAsync(key, audience!.Definition, audience.Settings with { Schedule = Interval(720) }, ct);
            h.Clock.Advance(TimeSpan.FromMinutes(20));
        };

        await h.Scheduler.TickAsync(default);

        Assert.Equal(T("2026-11-02T12:00:00Z"), (await h.StateAsync("vips")).NextRunAt);
    }

    [Fact]
    public async Task Tick_OverdueByDays_RunsOnce_NextRunFromNow()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedLiveAsync("vips", Interval(60), nextRunAt: Start.AddDays(-3));

        await h.Scheduler.TickAsync(default);
        await h.Scheduler.TickAsync(default);

        Assert.Single(h.Runner.Started);
        Assert.Equal(T("2026-11-02T11:00:00Z"), (await h.StateAsync("vips")).NextRunAt);
    }

    [Fact]
    public async Task Tick_DayAndTime_RunsAtTheTime_NextOnTheNextChosenDay()
    {
        // Monday 08:00 UTC, then Thursday 08:00 UTC.
        var h = new LifecycleHarness(T("2026-11-02T07:59:00Z"));
        var schedule = new RunSchedule { Kind = RunScheduleKind.DayAndTime, Days = [DayOfWeek.Thursday, DayOfWeek.Monday], TimeOfDay = new TimeOnly(8, 0) };
        await h.SeedLiveAsync("vips", schedule, nextRunAt: RunScheduleCalculator.NextRun(schedule, h.Now));

        Assert.Empty(await h.Scheduler.TickAsync(default));
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(await h.Scheduler.TickAsync(default));

        Assert.Equal(T("2026-11-05T08:00:00Z"), (await h.StateAsync("vips")).NextRunAt);
    }

    [Fact]
    public async Task Tick_SeveralDueAudiences_RunsEachOnce()
    {
        var h = new LifecycleHarness(Start);
        foreach (var key in new[] { "a", "b", "c", "d", "e", "f" })
        {
            await h.SeedLiveAsync(key, Interval(15), nextRunAt: Start);
        }

        var results = await h.Scheduler.TickAsync(default);

        Assert.Equal(["a", "b", "c", "d", "e", "f"], results.Select(r => r.AudienceKey).Order(StringComparer.Ordinal));
        Assert.Equal(6, h.Runner.Started.Count);
        Assert.Equal(1, h.Runner.MaxConcurrentPerAudience);
    }

    [Fact]
    public async Task Tick_UnfinishedRunOfADeadHost_IsResumedWithItsTrigger()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedAsync("vips", Interval(15), new AudienceState { Enabled = true, Status = AudienceStatus.Computing });
        var orphan = new RunRecord
        {
            RunId = "crashed",
            AudienceKey = "vips",
            DefinitionVersion = 1,
            MembershipVersion = 1,
            Trigger = RunTrigger.Enabled,
            QueuedAt = Start.AddMinutes(-30),
            StartedAt = Start.AddMinutes(-30),
            AsOf = Start.AddMinutes(-30),
            Status = RunStatus.Running,
        };
        await h.Runs.CreateRunAsync(orphan, default);

        var result = Assert.Single(await h.Scheduler.TickAsync(default));

        Assert.Equal([("vips", RunTrigger.Enabled)], h.Runner.Started);
        Assert.Equal(("crashed", RunStatus.Succeeded), (result.Run!.RunId, h.Runs.All.Single().Status));
        var state = await h.StateAsync("vips");
        Assert.Equal((AudienceStatus.Live, T("2026-11-02T10:15:00Z")), (state.Status, state.NextRunAt));
    }

    [Fact]
    public async Task Tick_RunHeldByAnotherInstance_LeavesTheAudienceAlone()
    {
        var h = new LifecycleHarness(Start);
        var computing = new AudienceState { Enabled = true, Status = AudienceStatus.Computing };
        await h.SeedAsync("vips", Interval(15), computing);
        await h.Runs.CreateRunAsync(new RunRecord
        {
            RunId = "elsewhere",
            AudienceKey = "vips",
            DefinitionVersion = 1,
            MembershipVersion = 1,
            Trigger = RunTrigger.Schedule,
            QueuedAt = Start,
            StartedAt = Start,
            AsOf = Start,
            Status = RunStatus.Running,
        }, default);
        await h.Leases.TryAcquireAsync(FakeAudienceRunner.LeaseName("vips"), "other-host", TimeSpan.FromMinutes(10), default);

        var result = Assert.Single(await h.Scheduler.TickAsync(default));

        Assert.Equal(LifecycleRunOutcome.RunningElsewhere, result.Outcome);
        Assert.Empty(h.Runner.Started);
        Assert.Equal(computing, await h.StateAsync("vips"));
        Assert.Equal(RunStatus.Running, h.Runs.All.Single().Status);
    }

    [Fact]
    public async Task Tick_ClaimedButNeverStarted_IsRun()
    {
        // A host marked the audience Computing (no next run) and stopped before its runner recorded anything.
        var h = new LifecycleHarness(Start);
        await h.SeedAsync("vips", Interval(60), new AudienceState { Enabled = true, Status = AudienceStatus.Computing });

        Assert.Single(await h.Scheduler.TickAsync(default));

        var state = await h.StateAsync("vips");
        Assert.Equal((AudienceStatus.Live, T("2026-11-02T11:00:00Z")), (state.Status, state.NextRunAt));
    }

    [Fact]
    public async Task Tick_CancelledMidRun_StaysComputing_NextHostResumesTheSameRun()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedLiveAsync("vips", Interval(15), nextRunAt: Start);
        using var stopping = new CancellationTokenSource();
        h.Runner.During = async (_, ct) =>
        {
            await stopping.CancelAsync();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Scheduler.TickAsync(stopping.Token));

        var interrupted = await h.StateAsync("vips");
        Assert.Equal((AudienceStatus.Computing, (DateTimeOffset?)null), (interrupted.Status, interrupted.NextRunAt));
        var runId = h.Runs.All.Single().RunId;
        Assert.Equal(RunStatus.Running, h.Runs.All.Single().Status);

        h.Runner.During = null;
        var restarted = h.NewScheduler();
        var result = Assert.Single(await restarted.TickAsync(default));

        Assert.Equal((runId, RunStatus.Succeeded), (result.Run!.RunId, result.Run.Status));
        Assert.Equal(AudienceStatus.Live, (await h.StateAsync("vips")).Status);
    }

    [Fact]
    public async Task Tick_StateGateHeldByAnotherCaller_SkipsUntilTheNextTick()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedLiveAsync("vips", Interval(15), nextRunAt: Start);
        await h.Leases.TryAcquireAsync("audience-state:vips", "someone", TimeSpan.FromSeconds(30), default);

        Assert.Empty(await h.Scheduler.TickAsync(default));
        Assert.Empty(h.Runner.Calls);

        await h.Leases.ReleaseAsync("audience-state:vips", "someone", default);
        Assert.Single(await h.Scheduler.TickAsync(default));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
