using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Lifecycle;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.State;
using static LinkedAudiences.Warehouses.Tests.Lifecycle.LifecycleAudiences;

namespace LinkedAudiences.Warehouses.DuckDb.Tests.Lifecycle;

/// <summary>
/// The lifecycle over the real pieces: SQLite state store, <see cref="StoredAudienceRunner"/>, snapshots in DuckDB.
/// Members are checked against the engine's own members query over the live data.
/// </summary>
public sealed class StoredLifecycleTests : SqliteDuckDbWorld
{
    private static readonly DateTimeOffset OneOClock = Anchor.AddHours(1);

    [Fact]
    public async Task Create_SavesDisabled_WithoutRunning()
    {
        var saved = await Host.Lifecycle.CreateAsync("vips", Vips(), Settings(Every(60), "VIPs"), default);

        Assert.Equal((false, AudienceStatus.Disabled, (DateTimeOffset?)null), (saved.State.Enabled, saved.State.Status, saved.State.NextRunAt));
        Assert.Empty(await Host.RunsAsync("vips"));
        Assert.Equal((0L, 0L, 0L), await SnapshotRowsAsync("vips"));
    }

    [Fact]
    public async Task Enable_RunsAtOnce_LiveWithTheMembersAndTheNextRunOnTheGrid()
    {
        var expected = await MembersAsync(Vips());
        await Host.Lifecycle.CreateAsync("vips", Vips(), Settings(Every(60)), default);

        var state = await Host.Lifecycle.EnableAsync("vips", default);

        Assert.InRange(expected.Count, 10, 290);
        Assert.Equal((AudienceStatus.Live, (long?)expected.Count, OneOClock), (state.Status, state.LastMemberCount, state.NextRunAt));
        var run = Assert.Single(await Host.RunsAsync("vips"));
        Assert.Equal((RunStatus.Succeeded, RunTrigger.Enabled, 1L, 1), (run.Status, run.Trigger, run.MembershipVersion, run.DefinitionVersion));
        Assert.Equal(new ChangeSummary(expected.Count, expected.Count, 0, 0, 0, 0), run.Summary);
        Assert.Equal(Anchor, run.AsOf);
        var events = await OutboxAsync(run.RunId);
        Assert.Equal(expected, Subjects(events, AudienceEventKind.ProfileEntered));
        Assert.Equal(expected, await MembershipAsync("vips"));
    }

    [Fact]
    public async Task RunNow_AfterChurn_ReportsExactlyWhoEnteredAndWhoLeft()
    {
        await Host.Lifecycle.CreateAsync("vips", Vips(), Settings(Every(60)), default);
        await Host.Lifecycle.EnableAsync("vips", default);
        var before = await MembersAsync(Vips());
        await ExecuteAsync("UPDATE profiles SET is_vip = NOT is_vip WHERE profile_id LIKE '%3' OR profile_id LIKE '%8'");
        await ExecuteAsync("DELETE FROM profiles WHERE profile_id LIKE '%5'");
        var after = await MembersAsync(Vips());
        Clock.Advance(TimeSpan.FromMinutes(20));

        var result = await Host.Lifecycle.RunNowAsync("vips", default);

        var entered = new SortedSet<string>(after.Except(before), StringComparer.Ordinal);
        var exited = new SortedSet<string>(before.Except(after), StringComparer.Ordinal);
        Assert.NotEmpty(entered);
        Assert.NotEmpty(exited);
        Assert.Equal(LifecycleRunOutcome.Succeeded, result.Outcome);
        Assert.Equal(new ChangeSummary(after.Count, entered.Count, exited.Count, 0, 0, 0), result.Run!.Summary);
        Assert.Equal((RunTrigger.Manual, 2L), (result.Run.Trigger, result.Run.MembershipVersion));
        var events = await OutboxAsync(result.Run.RunId);
        Assert.Equal(entered, Subjects(events, AudienceEventKind.ProfileEntered));
        Assert.Equal(exited, Subjects(events, AudienceEventKind.ProfileExited));
        Assert.Equal((AudienceStatus.Live, (long?)after.Count, OneOClock), (result.State!.Status, result.State.LastMemberCount, result.State.NextRunAt));
        Assert.Equal(after, await MembershipAsync("vips"));
    }

    [Fact]
    public async Task RunNow_WarehouseError_FailsWithItsMessage_AndKeepsTheLastGoodSnapshot()
    {
        await Host.Lifecycle.CreateAsync("vips", Vips(), Settings(Every(60)), default);
        await Host.Lifecycle.EnableAsync("vips", default);
        var good = await MembershipAsync("vips");
        var goodRows = await SnapshotRowsAsync("vips");
        await ExecuteAsync("DROP TABLE profiles");

        var result = await Host.Lifecycle.RunNowAsync("vips", default);

        Assert.Equal(LifecycleRunOutcome.Failed, result.Outcome);
        Assert.Contains("profiles", result.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
        var state = await Host.StateAsync("vips");
        Assert.Equal((AudienceStatus.Failed, result.Error, (long?)good.Count, OneOClock), (state.Status, state.StatusReason, state.LastMemberCount, state.NextRunAt));
        Assert.Equal((RunStatus.Failed, result.Error), (result.Run!.Status, result.Run.Error));
        Assert.Empty(await OutboxAsync(result.Run.RunId));
        Assert.Equal(1, await Store.Runs.GetCommittedVersionAsync("vips", default));
        Assert.Equal(good, await MembershipAsync("vips"));
        Assert.Equal(goodRows, await SnapshotRowsAsync("vips"));
    }

    [Fact]
    public async Task Delete_DropsTheSnapshotsFromTheWarehouse_AndTheAppState()
    {
        await Host.Lifecycle.CreateAsync("vips", Vips(), Settings(Every(60)), default);
        await Host.Lifecycle.EnableAsync("vips", default);
        var (members, _, pointers) = await SnapshotRowsAsync("vips");
        Assert.True(members > 0 && pointers == 1, $"members {members}, pointers {pointers}");

        await Host.Lifecycle.DeleteAsync("vips", default);

        Assert.Equal((0L, 0L, 0L), await SnapshotRowsAsync("vips"));
        Assert.Empty(await MembershipAsync("vips"));
        Assert.Null(await Store.Audiences.GetAudienceAsync("vips", null, default));
        Assert.Empty(await Store.Runs.ListRunsAsync("vips", 50, default));
        Assert.Equal(0, await Store.Runs.GetCommittedVersionAsync("vips", default));
    }

    [Fact]
    public async Task Delete_NeverRun_IsANoOpInTheWarehouse()
    {
        await Host.Lifecycle.CreateAsync("vips", Vips(), Settings(), default);

        await Host.Lifecycle.DeleteAsync("vips", default);

        Assert.Null(await Store.Audiences.GetAudienceAsync("vips", null, default));
        Assert.Equal((0L, 0L, 0L), await SnapshotRowsAsync("vips"));
    }

    [Fact]
    public async Task Delete_WhileAConsumerReferencesIt_IsRefused_AndTheSnapshotsStay()
    {
        await Host.Lifecycle.CreateAsync("vips", Vips(), Settings(), default);
        await Host.Lifecycle.EnableAsync("vips", default);
        await Host.Lifecycle.CreateAsync("pro-vips", PlanAndPartOf("pro", "vips", "membership"), Settings(name: "Pro VIPs"), default);
        var rows = await SnapshotRowsAsync("vips");

        var refused = await Assert.ThrowsAsync<AudienceLifecycleException>(() => Host.Lifecycle.DeleteAsync("vips", default));

        Assert.Equal(LifecycleError.HasConsumers, refused.Error);
        Assert.Equal(["pro-vips"], refused.Consumers.Select(c => c.Key));
        Assert.Equal(rows, await SnapshotRowsAsync("vips"));
        Assert.Equal(AudienceStatus.Live, (await Host.StateAsync("vips")).Status);
    }

    [Fact]
    public async Task Clone_IsDisabledCopy_ThatRunsOnItsOwnSnapshots()
    {
        await Host.Lifecycle.CreateAsync("vips", Vips(), Settings(Every(60), "VIPs"), default);
        await Host.Lifecycle.EnableAsync("vips", default);

        var clone = await Host.Lifecycle.CloneAsync("vips", null, default);

        Assert.Equal(("vips-copy", "Copy of VIPs", AudienceStatus.Disabled), (clone.Key, clone.Settings.Name, clone.State.Status));
        Assert.Empty(await Host.RunsAsync("vips-copy"));
        await ExecuteAsync("UPDATE profiles SET is_vip = NOT is_vip WHERE profile_id LIKE '%2'");
        var state = await Host.Lifecycle.EnableAsync("vips-copy", default);

        var now = await MembersAsync(Vips());
        Assert.Equal((AudienceStatus.Live, (long?)now.Count), (state.Status, state.LastMemberCount));
        Assert.Equal(now, await MembershipAsync("vips-copy"));
        Assert.NotEqual(now, await MembershipAsync("vips"));
        var run = Assert.Single(await Host.RunsAsync("vips-copy"));
        Assert.Equal((1L, (long)now.Count), (run.MembershipVersion, run.Summary.Entered));
    }

    [Fact]
    public async Task MembershipMode_ReadsTheReferencedCommittedSnapshot_NotTheLiveData()
    {
        await Host.Lifecycle.CreateAsync("vips", Vips(), Settings(), default);
        await Host.Lifecycle.EnableAsync("vips", default);
        var vipsThen = await MembersAsync(Vips());
        await Host.Lifecycle.CreateAsync("pro-vips", PlanAndPartOf("pro", "vips", "membership"), Settings(), default);
        await Host.Lifecycle.CreateAsync("pro-vips-import", PlanAndPartOf("pro", "vips", "import"), Settings(), default);
        var pros = await MembersAsync(Plan("pro"));

        await Host.Lifecycle.EnableAsync("pro-vips", default);
        var expected = new SortedSet<string>(pros.Intersect(vipsThen), StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await MembershipAsync("pro-vips"));

        // Every pro VIP stops being a VIP; "vips" has not run since, so its committed snapshot still lists them.
        await ExecuteAsync("UPDATE profiles SET is_vip = FALSE WHERE plan = 'pro'");
        var stale = await Host.Lifecycle.RunNowAsync("pro-vips", default);
        await Host.Lifecycle.EnableAsync("pro-vips-import", default);

        Assert.Equal(new ChangeSummary(expected.Count, 0, 0, 0, 0, 0), stale.Run!.Summary);
        Assert.Empty(await MembershipAsync("pro-vips-import"));

        await Host.Lifecycle.RunNowAsync("vips", default);
        var fresh = await Host.Lifecycle.RunNowAsync("pro-vips", default);

        Assert.Equal(new ChangeSummary(0, 0, expected.Count, 0, 0, 0), fresh.Run!.Summary);
        Assert.Equal(expected, Subjects(await OutboxAsync(fresh.Run.RunId), AudienceEventKind.ProfileExited));
    }

    [Fact]
    public async Task Enable_InvalidDefinition_FailsTheRunWithTheValidatorsReason()
    {
        // Saved around the lifecycle (which would refuse it), as an older version of the graph might have allowed.
        await Store.Audiences.SaveAudienceAsync("shoes", UnknownTrait(), Settings(Every(60)), default);

        var state = await Host.Lifecycle.EnableAsync("shoes", default);

        Assert.Equal(AudienceStatus.Failed, state.Status);
        Assert.Contains("Version 1 of audience 'shoes' is invalid against data graph 'demo'", state.StatusReason, StringComparison.Ordinal);
        Assert.Contains("shoe_size", state.StatusReason, StringComparison.Ordinal);
        var run = Assert.Single(await Host.RunsAsync("shoes"));
        Assert.Equal((RunStatus.Failed, state.StatusReason, RunTrigger.Enabled), (run.Status, run.Error, run.Trigger));
        Assert.Equal(OneOClock, state.NextRunAt);
        Assert.Equal((0L, 0L, 0L), await SnapshotRowsAsync("shoes"));
    }

    [Fact]
    public async Task Enable_UnknownGraph_FailsTheRunNamingTheGraph()
    {
        await Store.Audiences.SaveAudienceAsync("vips", Vips(), Settings(graphKey: "gone"), default);

        var state = await Host.Lifecycle.EnableAsync("vips", default);

        Assert.Equal(AudienceStatus.Failed, state.Status);
        Assert.Contains("data graph 'gone', which is not in the store", state.StatusReason, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Failed, Assert.Single(await Host.RunsAsync("vips")).Status);
    }

    [Fact]
    public async Task Create_UnknownGraph_IsRefusedByTheStoreValidator()
    {
        var refused = await Assert.ThrowsAsync<Core.Engine.AudienceValidationException>(
            () => Host.Lifecycle.CreateAsync("vips", Vips(), Settings(graphKey: "gone"), default));

        Assert.Equal(StoredAudienceValidation.UnknownGraphRule, Assert.Single(refused.Result.Errors).Rule);
    }

    [Fact]
    public async Task RunNow_UnfinishedRunInTheStore_IsResumedUnderItsIdVersionAndAsOf()
    {
        await Host.Lifecycle.CreateAsync("vips", Vips(), Settings(), default);
        await Host.Lifecycle.EnableAsync("vips", default);
        var crashedAsOf = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromHours(3));
        await Store.Runs.CreateRunAsync(new RunRecord
        {
            RunId = "crashed",
            AudienceKey = "vips",
            DefinitionVersion = 1,
            MembershipVersion = 2,
            Trigger = RunTrigger.Schedule,
            QueuedAt = crashedAsOf,
            StartedAt = crashedAsOf,
            AsOf = crashedAsOf,
            Status = RunStatus.Running,
        }, default);

        var result = await Host.Lifecycle.RunNowAsync("vips", default);

        Assert.Equal(("crashed", RunStatus.Succeeded, RunTrigger.Schedule), (result.Run!.RunId, result.Run.Status, result.Run.Trigger));
        Assert.Equal((crashedAsOf, 2L), (result.Run.AsOf, result.Run.MembershipVersion));
        Assert.Single(await Host.RunsAsync("vips"), r => r.RunId != "crashed");
        Assert.Empty(await Store.Runs.ListUnfinishedRunsAsync(default));
    }
}
