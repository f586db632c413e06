using System.Globalization;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Lifecycle;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Tests.Lifecycle.Fakes;
using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Tests.Lifecycle;

public sealed class AudienceLifecycleTests
{
    private static readonly DateTimeOffset Start = T("2026-11-02T10:07:00Z");

    private static DateTimeOffset T(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static AudienceSettings Settings(RunSchedule? schedule = null, string? name = "VIPs") => LifecycleHarness.Settings(schedule, name);

    private static RunSchedule Interval(int minutes) => LifecycleHarness.Interval(minutes);

    [Fact]
    public async Task Create_ValidDefinition_SavedDisabledWithoutNextRunOrRun()
    {
        var h = new LifecycleHarness(Start);

        var created = await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(Interval(60)), default);

        Assert.Equal(("vips", 1), (created.Key, created.Version));
        Assert.Equal(new AudienceState { Enabled = false, Status = AudienceStatus.Disabled }, created.State);
        Assert.Equal(created.State, await h.StateAsync("vips"));
        Assert.Empty(h.Runner.Calls);
    }

    [Fact]
    public async Task Create_ExistingKey_IsRefused()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(), default);

        var error = await Assert.ThrowsAsync<AudienceLifecycleException>(() => h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(), default));

        Assert.Equal(LifecycleError.AlreadyExists, error.Error);
        Assert.Equal("An audience with the key 'vips' exists already.", error.Message);
    }

    [Fact]
    public async Task Create_InvalidScheduleAndDefinition_ReportsEveryErrorAndSavesNothing()
    {
        var h = new LifecycleHarness(Start);
        h.ValidatorErrors.Add(new ValidationError("$.groups[0].conditions[0].trait", ValidationRules.UnknownTrait, "Unknown trait 'is_vipp'."));

        var error = await Assert.ThrowsAsync<AudienceValidationException>(() =>
            h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(Interval(45)), default));

        Assert.Equal(["$.schedule.intervalMinutes", "$.groups[0].conditions[0].trait"], error.Result.Errors.Select(e => e.Path));
        Assert.Null(await h.Audiences.GetAudienceAsync("vips", null, default));
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    public async Task Create_BadKey_IsRefused(string key)
    {
        var h = new LifecycleHarness(Start);

        await Assert.ThrowsAsync<ArgumentException>(() => h.Lifecycle.CreateAsync(key, LifecycleHarness.Vips(), Settings(), default));
    }

    [Fact]
    public async Task Update_SameTarget_SavesANewVersion()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(), default);
        var changed = LifecycleHarness.Vips() with { GroupOperator = LogicalOperator.Or };

        var updated = await h.Lifecycle.UpdateAsync("vips", changed, Settings(name: "Very important"), default);

        Assert.Equal(2, updated.Version);
        Assert.Equal(LogicalOperator.Or, updated.Definition.GroupOperator);
        Assert.Equal("Very important", updated.Settings.Name);
        Assert.Equal([1, 2], await h.Audiences.ListVersionsAsync("vips", default));
        Assert.Equal(AudienceStatus.Disabled, updated.State.Status);
    }

    [Fact]
    public async Task Update_ProfileTargetToEntity_IsRefusedNamingTarget()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(), default);

        var error = await Assert.ThrowsAsync<AudienceValidationException>(() =>
            h.Lifecycle.UpdateAsync("vips", LifecycleHarness.AccountsTarget(), Settings(), default));

        var locked = Assert.Single(error.Result.Errors);
        Assert.Equal(("$.target", AudienceLifecycle.TargetLockedRule), (locked.Path, locked.Rule));
        Assert.StartsWith("target cannot change after the first save: this audience targets profiles, not the entity 'account'.", locked.Message, StringComparison.Ordinal);
        Assert.Equal([1], await h.Audiences.ListVersionsAsync("vips", default));
    }

    [Fact]
    public async Task Update_EntityTargetToAnotherEntity_IsRefused()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("accounts", LifecycleHarness.AccountsTarget(), Settings(), default);
        var households = LifecycleHarness.AccountsTarget() with { Target = new AudienceTarget { Type = TargetType.Entity, Entity = "household" } };

        var error = await Assert.ThrowsAsync<AudienceValidationException>(() => h.Lifecycle.UpdateAsync("accounts", households, Settings(), default));

        Assert.Equal("$.target", Assert.Single(error.Result.Errors).Path);
    }

    [Fact]
    public async Task Update_UnknownAudience_IsNotFound()
    {
        var h = new LifecycleHarness(Start);

        var error = await Assert.ThrowsAsync<AudienceLifecycleException>(() => h.Lifecycle.UpdateAsync("nobody", LifecycleHarness.Vips(), Settings(), default));

        Assert.Equal((LifecycleError.NotFound, "There is no audience with the key 'nobody'."), (error.Error, error.Message));
    }

    [Fact]
    public async Task Update_ScheduleOfEnabledAudience_NextRunFollowsTheNewSchedule()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(Interval(15)), default);
        await h.Lifecycle.EnableAsync("vips", default);
        Assert.Equal(T("2026-11-02T10:15:00Z"), (await h.StateAsync("vips")).NextRunAt);

        var updated = await h.Lifecycle.UpdateAsync("vips", LifecycleHarness.Vips(), Settings(Interval(1440)), default);

        Assert.Equal(T("2026-11-03T00:00:00Z"), updated.State.NextRunAt);
        Assert.Equal(AudienceStatus.Live, updated.State.Status);
    }

    [Fact]
    public async Task Update_SameScheduleWhileDue_KeepsTheDueRun()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedLiveAsync("vips", Interval(15), nextRunAt: Start.AddMinutes(-2));

        var updated = await h.Lifecycle.UpdateAsync("vips", LifecycleHarness.Vips(), Settings(Interval(15), name: "Renamed"), default);

        Assert.Equal(Start.AddMinutes(-2), updated.State.NextRunAt);
    }

    [Fact]
    public async Task Enable_RunsAtOnceWithEnabledTrigger_ComputingThenLive_NextRunAfterTheRun()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(Interval(60)), default);
        AudienceState? during = null;
        h.Runner.During = async (key, _) =>
        {
            during = await h.StateAsync(key);
            h.Clock.Advance(TimeSpan.FromMinutes(58));
        };

        var state = await h.Lifecycle.EnableAsync("vips", default);

        Assert.Equal([("vips", RunTrigger.Enabled)], h.Runner.Started);
        Assert.Equal((true, AudienceStatus.Computing, (DateTimeOffset?)null), (during!.Enabled, during.Status, during.NextRunAt));
        Assert.Equal((true, AudienceStatus.Live, (string?)null), (state.Enabled, state.Status, state.StatusReason));
        // The run ended at 11:05: the next one is 12:00, not 11:00.
        Assert.Equal(T("2026-11-02T12:00:00Z"), state.NextRunAt);
        Assert.Equal((42L, T("2026-11-02T11:05:00Z")), (state.LastMemberCount!.Value, state.LastRunAt!.Value));
        Assert.Equal(
            [AudienceStatus.Disabled, AudienceStatus.Computing, AudienceStatus.Live],
            h.Audiences.StateHistory("vips").Select(s => s.Status));
    }

    [Fact]
    public async Task Enable_RunFails_FailedWithTheReason_NextRunStillScheduled()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(Interval(30)), default);
        h.Runner.FailWith = _ => "relation \"profiles\" does not exist";

        var state = await h.Lifecycle.EnableAsync("vips", default);

        Assert.Equal((true, AudienceStatus.Failed, "relation \"profiles\" does not exist"), (state.Enabled, state.Status, state.StatusReason));
        Assert.Equal(T("2026-11-02T10:30:00Z"), state.NextRunAt);
    }

    [Fact]
    public async Task Enable_ManualSchedule_LiveWithoutNextRun()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(RunSchedule.Manual), default);

        var state = await h.Lifecycle.EnableAsync("vips", default);

        Assert.Equal((AudienceStatus.Live, (DateTimeOffset?)null), (state.Status, state.NextRunAt));
        Assert.Single(h.Runner.Started);
    }

    [Fact]
    public async Task Enable_AlreadyEnabled_RunsNothing()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(Interval(60)), default);
        var first = await h.Lifecycle.EnableAsync("vips", default);

        var second = await h.Lifecycle.EnableAsync("vips", default);

        Assert.Equal(first, second);
        Assert.Single(h.Runner.Calls);
    }

    [Fact]
    public async Task Disable_EnabledAudience_DisabledWithoutNextRun_SchedulerLeavesIt()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(Interval(15)), default);
        await h.Lifecycle.EnableAsync("vips", default);

        var state = await h.Lifecycle.DisableAsync("vips", default);

        Assert.Equal((false, AudienceStatus.Disabled, (DateTimeOffset?)null), (state.Enabled, state.Status, state.NextRunAt));
        Assert.Equal(42, state.LastMemberCount);
        h.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Empty(await h.Scheduler.TickAsync(default));
        Assert.Single(h.Runner.Calls);
    }

    [Fact]
    public async Task Enable_WhileARunFromBeforeDisablingGoesOn_ThatRunFinishesTheEnable()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedLiveAsync("vips", Interval(15), nextRunAt: Start);
        AudienceState? reenabled = null;
        h.Runner.During = async (key, ct) =>
        {
            await h.Lifecycle.DisableAsync(key, ct);
            reenabled = await h.Lifecycle.EnableAsync(key, ct);
            h.Clock.Advance(TimeSpan.FromMinutes(10));
        };

        await h.Scheduler.TickAsync(default);

        Assert.Equal((true, AudienceStatus.Computing), (reenabled!.Enabled, reenabled.Status));
        Assert.Single(h.Runner.Calls);
        var state = await h.StateAsync("vips");
        Assert.Equal((true, AudienceStatus.Live, T("2026-11-02T10:30:00Z")), (state.Enabled, state.Status, state.NextRunAt!.Value));
    }

    [Fact]
    public async Task Disable_FailedAudience_ClearsTheReason()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedAsync("vips", Interval(15), new AudienceState { Enabled = true, Status = AudienceStatus.Failed, StatusReason = "boom", NextRunAt = Start });

        var state = await h.Lifecycle.DisableAsync("vips", default);

        Assert.Equal((AudienceStatus.Disabled, (string?)null), (state.Status, state.StatusReason));
    }

    [Fact]
    public async Task RunNow_EnabledAudience_RunsWithManualTrigger_AndReschedules()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(Interval(240)), default);
        await h.Lifecycle.EnableAsync("vips", default);
        h.Clock.Advance(TimeSpan.FromHours(3));
        h.Runner.Members = 7;

        var result = await h.Lifecycle.RunNowAsync("vips", default);

        Assert.Equal((LifecycleRunOutcome.Succeeded, RunTrigger.Manual, RunStatus.Succeeded), (result.Outcome, result.Trigger, result.Run!.Status));
        Assert.Equal([RunTrigger.Enabled, RunTrigger.Manual], h.Runner.Started.Select(s => s.Trigger));
        Assert.Equal((AudienceStatus.Live, 7L), (result.State!.Status, result.State.LastMemberCount!.Value));
        Assert.Equal(T("2026-11-02T16:00:00Z"), result.State.NextRunAt);
    }

    [Fact]
    public async Task RunNow_DisabledAudience_IsRefusedWithAClearMessage()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(), default);

        var error = await Assert.ThrowsAsync<AudienceLifecycleException>(() => h.Lifecycle.RunNowAsync("vips", default));

        Assert.Equal(LifecycleError.Disabled, error.Error);
        Assert.Equal("Audience 'vips' is disabled: enable it to run it (enabling runs it at once).", error.Message);
        Assert.Empty(h.Runner.Calls);
        Assert.Equal(AudienceStatus.Disabled, (await h.StateAsync("vips")).Status);
    }

    [Fact]
    public async Task RunNow_WhileTheSchedulerRunsIt_IsRefusedAsInProgress()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedLiveAsync("vips", Interval(15), nextRunAt: Start);
        AudienceLifecycleException? refused = null;
        h.Runner.During = async (key, ct) => refused = await Assert.ThrowsAsync<AudienceLifecycleException>(() => h.Lifecycle.RunNowAsync(key, ct));

        await h.Scheduler.TickAsync(default);

        Assert.Equal(LifecycleError.RunInProgress, refused!.Error);
        Assert.Single(h.Runner.Calls);
    }

    [Fact]
    public async Task RunNow_RunHeldByAnotherHost_IsRefusedAsInProgress()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedLiveAsync("vips", Interval(15), nextRunAt: Start.AddMinutes(10));
        await h.Leases.TryAcquireAsync(FakeAudienceRunner.LeaseName("vips"), "other-host", TimeSpan.FromMinutes(10), default);

        var error = await Assert.ThrowsAsync<AudienceLifecycleException>(() => h.Lifecycle.RunNowAsync("vips", default));

        Assert.Equal(LifecycleError.RunInProgress, error.Error);
        Assert.Empty(h.Runner.Started);
    }

    [Fact]
    public async Task Clone_CopiesDefinitionAndSettings_NewKey_CopyOfName_Disabled()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(Interval(60)) with { Description = "Our best", Folder = "Loyalty" }, default);
        await h.Lifecycle.EnableAsync("vips", default);

        var copy = await h.Lifecycle.CloneAsync("vips", null, default);
        var second = await h.Lifecycle.CloneAsync("vips", null, default);
        var named = await h.Lifecycle.CloneAsync("vips", "vips-2027", default);

        Assert.Equal(("vips-copy", "vips-copy-2", "vips-2027"), (copy.Key, second.Key, named.Key));
        Assert.Equal(1, copy.Version);
        Assert.Equal("Copy of VIPs", copy.Settings.Name);
        Assert.Equal(("Our best", "Loyalty", "demo", Interval(60).IntervalMinutes), (copy.Settings.Description, copy.Settings.Folder, copy.Settings.GraphKey, copy.Settings.Schedule.IntervalMinutes));
        Assert.Equal(LinkedAudiences.Core.Serialization.LinkedAudiencesJson.Serialize(LifecycleHarness.Vips()), LinkedAudiences.Core.Serialization.LinkedAudiencesJson.Serialize(copy.Definition));
        Assert.Equal(new AudienceState(), await h.StateAsync("vips-copy"));
        Assert.True((await h.StateAsync("vips")).Enabled);
        Assert.Single(h.Runner.Calls);
    }

    [Fact]
    public async Task Clone_OntoAnExistingKey_IsRefused()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(), default);
        await h.Lifecycle.CreateAsync("taken", LifecycleHarness.Vips(), Settings(), default);

        var error = await Assert.ThrowsAsync<AudienceLifecycleException>(() => h.Lifecycle.CloneAsync("vips", "taken", default));

        Assert.Equal((LifecycleError.AlreadyExists, "taken"), (error.Error, error.AudienceKey));
    }

    [Fact]
    public async Task Delete_WithConsumers_IsRefusedListingThem()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(), default);
        await h.Lifecycle.CreateAsync("platinum", LifecycleHarness.PartOf(("vips", "import")), Settings(name: "Platinum cat owners"), default);
        await h.Lifecycle.CreateAsync("winback", LifecycleHarness.PartOf(("vips", "membership")), Settings(name: null), default);

        var error = await Assert.ThrowsAsync<AudienceLifecycleException>(() => h.Lifecycle.DeleteAsync("vips", default));

        Assert.Equal(LifecycleError.HasConsumers, error.Error);
        Assert.Equal(["platinum", "winback"], error.Consumers.Select(c => c.Key));
        Assert.Equal(
            "Audience 'vips' cannot be deleted: 'platinum' (Platinum cat owners), 'winback' reference it. Remove those conditions first.",
            error.Message);
        Assert.NotNull(await h.Audiences.GetAudienceAsync("vips", null, default));
        Assert.Empty(h.Snapshots.Dropped);
        Assert.Empty(h.Runs.DeletedAudiences);
    }

    [Fact]
    public async Task Delete_WithoutConsumers_RemovesStateRunsAndSnapshots()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(Interval(15)), default);
        await h.Lifecycle.CreateAsync("other", LifecycleHarness.Vips(), Settings(), default);
        await h.Lifecycle.EnableAsync("vips", default);
        Assert.Single(await h.Runs.ListRunsAsync("vips", 50, default));

        await h.Lifecycle.DeleteAsync("vips", default);

        Assert.Null(await h.Audiences.GetAudienceAsync("vips", null, default));
        Assert.Empty(await h.Runs.ListRunsAsync("vips", 50, default));
        Assert.Equal(["vips"], h.Snapshots.Dropped);
        Assert.Equal(["vips"], h.Runs.DeletedAudiences);
        Assert.NotNull(await h.Audiences.GetAudienceAsync("other", null, default));
        h.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await h.Scheduler.TickAsync(default));
    }

    [Fact]
    public async Task Delete_ConsumerItself_IsAllowed_ThenTheReferencedOneToo()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(), default);
        await h.Lifecycle.CreateAsync("platinum", LifecycleHarness.PartOf(("vips", "import")), Settings(), default);

        await h.Lifecycle.DeleteAsync("platinum", default);
        await h.Lifecycle.DeleteAsync("vips", default);

        Assert.Empty(await h.Audiences.ListAudiencesAsync(default));
        Assert.Equal(["platinum", "vips"], h.Snapshots.Dropped);
    }

    [Fact]
    public async Task Delete_WhileRunningHere_IsRefused()
    {
        var h = new LifecycleHarness(Start);
        await h.SeedLiveAsync("vips", Interval(15), nextRunAt: Start);
        AudienceLifecycleException? refused = null;
        h.Runner.During = async (key, ct) => refused = await Assert.ThrowsAsync<AudienceLifecycleException>(() => h.Lifecycle.DeleteAsync(key, ct));

        await h.Scheduler.TickAsync(default);

        Assert.Equal(LifecycleError.RunInProgress, refused!.Error);
        Assert.NotNull(await h.Audiences.GetAudienceAsync("vips", null, default));
    }

    [Fact]
    public async Task Delete_UnknownAudience_IsNotFound()
    {
        var h = new LifecycleHarness(Start);

        var error = await Assert.ThrowsAsync<AudienceLifecycleException>(() => h.Lifecycle.DeleteAsync("nobody", default));

        Assert.Equal(LifecycleError.NotFound, error.Error);
    }

    [Fact]
    public async Task GetConsumers_ListsReferencesInAnyGroupAndMode_NotOthers()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(), default);
        await h.Lifecycle.CreateAsync("vips-lookalike", LifecycleHarness.Vips(), Settings(), default);
        // Second group, both modes.
        await h.Lifecycle.CreateAsync("both", LifecycleHarness.PartOf(("vips-lookalike", "import"), ("vips", "membership"), ("vips", "import")), Settings(name: "Both"), default);
        await h.Lifecycle.CreateAsync("negated", LifecycleHarness.Vips() with
        {
            Groups = [new ConditionGroup { Conditions = [new AudienceCondition { Audience = "vips", Negate = true }] }],
        }, Settings(name: "Not VIPs"), default);
        await h.Lifecycle.CreateAsync("unrelated", LifecycleHarness.PartOf(("vips-lookalike", "membership")), Settings(), default);

        var consumers = await h.Lifecycle.GetConsumersAsync("vips", default);

        Assert.Equal(["both", "negated"], consumers.Select(c => c.Key));
        Assert.Equal([AudienceReferenceMode.Import, AudienceReferenceMode.Membership], consumers[0].Modes);
        Assert.Equal("Both", consumers[0].Name);
        Assert.Equal([AudienceReferenceMode.Import], consumers[1].Modes);
        Assert.Empty(await h.Lifecycle.GetConsumersAsync("both", default));
    }

    [Fact]
    public async Task GetConsumers_ReadsTheLatestVersion()
    {
        var h = new LifecycleHarness(Start);
        await h.Lifecycle.CreateAsync("vips", LifecycleHarness.Vips(), Settings(), default);
        await h.Lifecycle.CreateAsync("platinum", LifecycleHarness.PartOf(("vips", "import")), Settings(), default);

        await h.Lifecycle.UpdateAsync("platinum", LifecycleHarness.Vips(), Settings(), default);

        Assert.Empty(await h.Lifecycle.GetConsumersAsync("vips", default));
    }
}
