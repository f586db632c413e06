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

/// <summary>
/// Audience runs end to end on a real warehouse over <see cref="RunWorld"/>: snapshots and diffs in the warehouse,
/// events in an in-memory outbox.
/// </summary>
public abstract class RunScenarioTests : RunTestBase
{
    private const string Context = "\"context\":{\"linked_audiences\":{\"audience_key\":\"pro-outstanding\",\"membership_version\":2,\"trigger\":\"values_changed\"}}";

    private static readonly EnrichmentSpec Enrichment = new()
    {
        Traits = ["email", "loyalty_tier"],
        Entities = [new EntityEnrichment("credit_card", ["balance"])],
    };

    protected override IAudienceCatalog Catalog => RunWorld.Catalog;

    protected override Task LoadAsync(IBulkLoader loader) => RunWorld.LoadAsync(loader);

    [Fact]
    public async Task Run_FirstRun_EveryMemberEntersWithMembershipAndMatchedEntities()
    {
        var result = await RunAsync();

        var expected = Expected(1).Entered("u1", "u2", "u5", "u6", "u8")
            .EntityEntered("u1", "0.1", "account", "101").EntityEntered("u1", "0.1.0", "credit_card", "201")
            .EntityEntered("u2", "0.1", "account", "102").EntityEntered("u2", "0.1.0", "credit_card", "203")
            .EntityEntered("u5", "0.1", "account", "105").EntityEntered("u5", "0.1", "account", "106")
            .EntityEntered("u5", "0.1.0", "credit_card", "206").EntityEntered("u5", "0.1.0", "credit_card", "207")
            .EntityEntered("u6", "0.1", "account", "107").EntityEntered("u6", "0.1.0", "credit_card", "208")
            .EntityEntered("u8", "0.1", "account", "109").EntityEntered("u8", "0.1.0", "credit_card", "211");
        Assert.Equal(AudienceRunOutcome.Succeeded, result.Outcome);
        Assert.Equal(AudienceStatus.Live, result.Status);
        Assert.Equal(expected.Descriptions, expected.Describe(EventsOf(result)));
        Assert.Equal(new ChangeSummary(5, 5, 0, 12, 0, 0), result.Run!.Summary);
        Assert.Equal(1, result.Run.MembershipVersion);
        Assert.Equal(1, await Store.GetCommittedVersionAsync(RunWorld.Key, CancellationToken.None));
        Assert.Equal(["u1", "u2", "u5", "u6", "u8"], await MembershipAsync(RunWorld.Key));
    }

    [Fact]
    public async Task Run_FirstRun_IdentifyPrecedesTrackAndPayloadsAreSegmentShaped()
    {
        var result = await RunAsync();

        var events = EventsOf(result).Where(e => e.ProfileKey == "u1").ToList();
        var id = Expected(1);
        string Fill(string payload, AudienceEventKind kind, string subject) =>
            payload.Replace("<ID>", id.IdOf(kind, subject), StringComparison.Ordinal).Replace("<TS>", EventPayloads.FormatTimestamp(AsOf), StringComparison.Ordinal);
        Assert.Equal(
            [
                Fill("""{"type":"identify","userId":"u1","messageId":"<ID>","timestamp":"<TS>","traits":{"pro-outstanding":true},"context":{"linked_audiences":{"audience_key":"pro-outstanding","membership_version":1,"trigger":"membership_changed"}}}""",
                    AudienceEventKind.MembershipChanged, "u1"),
                Fill("""{"type":"track","userId":"u1","messageId":"<ID>","timestamp":"<TS>","event":"Audience Entered","properties":{"audience_key":"pro-outstanding","membership_version":1}}""",
                    AudienceEventKind.ProfileEntered, "u1"),
                Fill("""{"type":"track","userId":"u1","messageId":"<ID>","timestamp":"<TS>","event":"Entity Entered","properties":{"audience_key":"pro-outstanding","membership_version":1,"entity":"account","entity_key":"101","branch":"0.1","parent_key":"u1"}}""",
                    AudienceEventKind.EntityEntered, MessageIds.EntitySubject("u1", "0.1", "account", "101")),
                Fill("""{"type":"track","userId":"u1","messageId":"<ID>","timestamp":"<TS>","event":"Entity Entered","properties":{"audience_key":"pro-outstanding","membership_version":1,"entity":"credit_card","entity_key":"201","branch":"0.1.0","parent_key":"101"}}""",
                    AudienceEventKind.EntityEntered, MessageIds.EntitySubject("u1", "0.1.0", "credit_card", "201")),
            ],
            events.Select(e => e.Payload));
    }

    [Fact]
    public async Task Run_NothingChanged_WritesNoEvents()
    {
        await RunAsync();
        Clock.Advance(TimeSpan.FromHours(1));

        var second = await RunAsync();

        Assert.Equal(AudienceRunOutcome.Succeeded, second.Outcome);
        Assert.Empty(EventsOf(second));
        Assert.Equal(new ChangeSummary(5, 0, 0, 0, 0, 0), second.Run!.Summary);
        Assert.Equal(2, await Store.GetCommittedVersionAsync(RunWorld.Key, CancellationToken.None));
        Assert.Equal([2L], await SnapshotVersionsAsync(RunWorld.Key));
    }

    [Fact]
    public async Task Run_AfterChurn_WritesExactlyTheExpectedEventsOfEveryKind()
    {
        await RunAsync();
        Clock.Advance(TimeSpan.FromHours(1));
        await RunAsync();
        await ChurnAsync();
        Clock.Advance(TimeSpan.FromHours(1));

        var third = await RunAsync();

        var expected = ChurnEvents(3);
        Assert.Equal(expected.Descriptions, expected.Describe(EventsOf(third)));
        Assert.Equal(new ChangeSummary(5, 2, 2, 5, 6, 3), third.Run!.Summary);
        Assert.Equal(["u1", "u3", "u5", "u7", "u8"], await MembershipAsync(RunWorld.Key));
        Assert.Equal([3L], await SnapshotVersionsAsync(RunWorld.Key));
    }

    [Fact]
    public async Task Run_AfterChurn_ValuesChangedCarryTheNewValues()
    {
        await RunAsync();
        await ChurnAsync();
        Clock.Advance(TimeSpan.FromHours(2));

        var second = await RunAsync();

        var values = EventsOf(second).Where(e => e.Kind == AudienceEventKind.ValuesChanged).ToDictionary(e => e.ProfileKey, e => e.Payload);
        var id = Expected(2);
        string Fill(string payload, string member) => payload
            .Replace("<ID>", id.IdOf(AudienceEventKind.ValuesChanged, member), StringComparison.Ordinal)
            .Replace("<TS>", EventPayloads.FormatTimestamp(AsOf.AddHours(2)), StringComparison.Ordinal)
            .Replace("<CONTEXT>", Context, StringComparison.Ordinal);
        Assert.Equal(
            Fill("""{"type":"identify","userId":"u8","messageId":"<ID>","timestamp":"<TS>","traits":{"pro-outstanding":true,"email":"u8@example.com","loyalty_tier":null,"credit_card":[{"entity_key":"211","balance":45}]},<CONTEXT>}""", "u8"),
            values["u8"]);
        Assert.Equal(
            Fill("""{"type":"identify","userId":"u1","messageId":"<ID>","timestamp":"<TS>","traits":{"pro-outstanding":true,"email":"u1-new@example.com","loyalty_tier":"gold","credit_card":[{"entity_key":"201","balance":100}]},<CONTEXT>}""", "u1"),
            values["u1"]);
        Assert.Contains("""
            "loyalty_tier":"silver","credit_card":[{"entity_key":"206","balance":10},{"entity_key":"210","balance":15}]
            """, values["u5"], StringComparison.Ordinal);
        Assert.Equal(["u1", "u5", "u8"], values.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Run_CommitLostThenRunAgain_YieldsTheSameMessageIdsEachOnce()
    {
        await RunAsync();
        await ChurnAsync();
        var crashing = new InterceptingRunStore(Store) { EventsBeforeFailure = 7 };

        var crash = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(store: crashing));
        crashing.EventsBeforeFailure = null;
        var rerun = await RunAsync(store: crashing);

        var expected = ChurnEvents(2);
        Assert.Equal("Simulated crash during the commit.", crash.Message);
        Assert.Equal(7, crashing.SeenBeforeFailure.Count);
        Assert.All(crashing.SeenBeforeFailure, id => Assert.Contains(id, EventsOf(rerun).Select(e => e.MessageId)));
        Assert.Equal(2, rerun.Run!.MembershipVersion);
        Assert.Equal(expected.Descriptions, expected.Describe(EventsOf(rerun)));
        var version2 = Store.Outbox.Where(e => e.Event.MembershipVersion == 2).Select(e => e.Event.MessageId).ToList();
        Assert.Equal(version2.Count, version2.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected.Descriptions.Count, version2.Count);
        var runs = await Store.ListRunsAsync(RunWorld.Key, 50, CancellationToken.None);
        Assert.Equal(1, runs.Count(r => r.Status == RunStatus.Failed));
        Assert.Equal(2, runs.Count(r => r.Status == RunStatus.Succeeded));
    }

    [Fact]
    public async Task Run_ResumingAnUnfinishedRun_UsesItsIdAndTheSameVersion()
    {
        await RunAsync();
        var queued = new RunRecord
        {
            RunId = "queued-run",
            AudienceKey = RunWorld.Key,
            DefinitionVersion = 1,
            MembershipVersion = 2,
            Trigger = RunTrigger.Schedule,
            QueuedAt = AsOf.AddMinutes(-5),
            AsOf = AsOf,
        };
        await Store.CreateRunAsync(queued, CancellationToken.None);

        var result = await RunAsync(runId: "queued-run");

        Assert.Equal("queued-run", result.Run!.RunId);
        Assert.Equal(RunTrigger.Schedule, result.Run.Trigger);
        Assert.Equal(TimeSpan.FromMinutes(5), result.Run.Timings.Queueing);
        Assert.Equal(RunStatus.Succeeded, (await Store.FindRunAsync("queued-run", CancellationToken.None))!.Status);
        Assert.Empty(await Store.ListUnfinishedRunsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Run_WarehouseQueryFails_RunFailedWithTheWarehouseMessageAndLastSnapshotKept()
    {
        await RunAsync();
        await ExecuteAsync("DROP TABLE credit_cards");
        Clock.Advance(TimeSpan.FromHours(1));

        var failed = await RunAsync();

        Assert.Equal(AudienceRunOutcome.Failed, failed.Outcome);
        Assert.Equal(AudienceStatus.Failed, failed.Status);
        Assert.Contains("credit_cards", failed.StatusReason, StringComparison.Ordinal);
        Assert.Equal(failed.StatusReason, failed.Run!.Error);
        Assert.Equal(RunStatus.Failed, (await Store.FindRunAsync(failed.Run.RunId, CancellationToken.None))!.Status);
        Assert.Empty(EventsOf(failed));
        Assert.Equal(1, await Store.GetCommittedVersionAsync(RunWorld.Key, CancellationToken.None));
        Assert.Equal(["u1", "u2", "u5", "u6", "u8"], await MembershipAsync(RunWorld.Key));
        Assert.Null(Leases.HolderOf(AudienceRunner.LeaseName(RunWorld.Key)));
    }

    [Fact]
    public async Task Run_WarehouseTimesOut_RunFailedAndCommittedVersionKept()
    {
        await RunAsync();
        var slow = new InterceptingWarehouse(Warehouse)
        {
            BeforeExecute = (query, token) => query.Sql.StartsWith("INSERT INTO", StringComparison.Ordinal) ? Task.Delay(Timeout.Infinite, token) : Task.CompletedTask,
        };

        var failed = await RunAsync(warehouse: slow, options: Options() with { WarehouseTimeout = TimeSpan.FromMilliseconds(200) });

        Assert.Equal(AudienceRunOutcome.Failed, failed.Outcome);
        Assert.Equal("The warehouse did not answer within 00:00:00.2000000.", failed.StatusReason);
        Assert.Equal(1, await Store.GetCommittedVersionAsync(RunWorld.Key, CancellationToken.None));
        Assert.Equal(["u1", "u2", "u5", "u6", "u8"], await MembershipAsync(RunWorld.Key));
    }

    [Fact]
    public async Task Run_MembershipModeAudience_ReadsTheCommittedSnapshot()
    {
        // Hosts create the schema when they connect a warehouse, so membership conditions can read it before any run.
        await new WarehouseSnapshots(Warehouse, Options().Snapshots).EnsureSchemaAsync(CancellationToken.None);
        Assert.Empty(await MembersAsync(RunWorld.MembersOfOutstandingPro));
        await RunAsync();
        await ChurnAsync();

        // Between runs the stored membership stays what the last run committed, whatever the data says now (u2 has
        // left and u3 and u7 have come in since); u6 is stored too but is no longer a profile to be a member.
        Assert.Equal(["u1", "u2", "u5", "u8"], await MembersAsync(RunWorld.MembersOfOutstandingPro));
        await RunAsync();
        Assert.Equal(["u1", "u3", "u5", "u7", "u8"], await MembersAsync(RunWorld.MembersOfOutstandingPro));

        var dependent = await RunAsync(RunWorld.MembersOfOutstandingPro, "members-of-pro-outstanding", EnrichmentSpec.None);
        Assert.Equal(new ChangeSummary(5, 5, 0, 0, 0, 0), dependent.Run!.Summary);
    }

    [Fact]
    public async Task Run_LeaseHeldByARunningRun_SecondRunIsRefusedAndNothingIsRecorded()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocking = new InterceptingWarehouse(Warehouse)
        {
            BeforeExecute = async (query, token) =>
            {
                if (query.Sql.StartsWith("INSERT INTO", StringComparison.Ordinal))
                {
                    entered.TrySetResult();
                    await gate.Task.WaitAsync(token);
                }
            },
        };

        var first = RunAsync(warehouse: blocking);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await RunAsync();
        gate.SetResult();
        var firstResult = await first;
        var third = await RunAsync();

        Assert.Equal(AudienceRunOutcome.LeaseHeld, second.Outcome);
        Assert.Null(second.Run);
        Assert.Null(second.Status);
        Assert.Equal(AudienceRunOutcome.Succeeded, firstResult.Outcome);
        Assert.Equal(1, firstResult.Run!.MembershipVersion);
        Assert.Equal(AudienceRunOutcome.Succeeded, third.Outcome);
        Assert.Equal(2, third.Run!.MembershipVersion);
        Assert.Equal(2, (await Store.ListRunsAsync(RunWorld.Key, 50, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Run_EntityTarget_CardsEnterAndExitWithTheirProfiles()
    {
        const string key = "outstanding-cards";
        var enrichment = new EnrichmentSpec { Entities = [new EntityEnrichment("credit_card", ["balance"])] };

        var first = await RunAsync(RunWorld.OutstandingCards, key, enrichment);
        await ChurnAsync();
        var second = await RunAsync(RunWorld.OutstandingCards, key, enrichment);

        var expectedFirst = new ExpectedEvents(key, 1).EnteredOnly("201", "203", "204", "206", "207", "208", "211");
        Assert.Equal(expectedFirst.Descriptions, expectedFirst.Describe(EventsOf(first)));
        Assert.Equal(
            ["201 u1", "203 u2", "204 u3", "206 u5", "207 u5", "208 u6", "211 u8"],
            EventsOf(first).Select(e => $"{e.EntityKey} {e.ProfileKey}").Order(StringComparer.Ordinal));
        // 208 leaves with its profile u6: members are reached from a profile (SEMANTICS 9).
        var expectedSecond = new ExpectedEvents(key, 2).EnteredOnly("209", "210").ExitedOnly("203", "207", "208").ValuesChanged("211");
        Assert.Equal(expectedSecond.Descriptions, expectedSecond.Describe(EventsOf(second)));
        Assert.All(EventsOf(second), e => Assert.Equal("credit_card", e.Entity));
    }

    [Fact]
    public async Task Run_PointerUpdateFailsAfterTheCommit_SucceedsWithAWarningAndTheNextRunRepairsIt()
    {
        await RunAsync();
        var flaky = new InterceptingWarehouse(Warehouse)
        {
            BeforeExecute = (query, _) =>
                query.Sql.StartsWith("UPDATE", StringComparison.Ordinal) && query.Sql.Contains("committed_versions", StringComparison.Ordinal)
                    && query.Parameters.Any(p => p.Value is 2L)
                    ? throw new TestDbException("connection reset")
                    : Task.CompletedTask,
        };
        await ChurnAsync();

        var second = await RunAsync(warehouse: flaky);
        var staleMembership = await MembershipAsync(RunWorld.Key);
        var third = await RunAsync();

        Assert.Equal(AudienceRunOutcome.Succeeded, second.Outcome);
        Assert.Contains("connection reset", second.Warning, StringComparison.Ordinal);
        Assert.Equal(["u1", "u2", "u5", "u6", "u8"], staleMembership);
        Assert.Empty(EventsOf(third));
        Assert.Equal(["u1", "u3", "u5", "u7", "u8"], await MembershipAsync(RunWorld.Key));
    }

    [Fact]
    public async Task Run_EnrichmentNamesAnUnmatchedEntity_FailsWithoutTouchingTheWarehouse()
    {
        var result = await RunAsync(enrichment: new EnrichmentSpec { Entities = [new EntityEnrichment("pet", ["name"])] });

        Assert.Equal(AudienceRunOutcome.Failed, result.Outcome);
        Assert.Equal("The enrichment does not fit the audience: entity 'pet' is not matched by the audience.", result.StatusReason);
        Assert.Equal(0, await Store.GetCommittedVersionAsync(RunWorld.Key, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAudience_AfterRuns_DropsItsSnapshotsAndMembership()
    {
        await RunAsync();
        var snapshots = new WarehouseSnapshots(Warehouse, Options().Snapshots);

        await snapshots.DeleteAudienceAsync(RunWorld.Key, CancellationToken.None);

        Assert.Empty(await MembershipAsync(RunWorld.Key));
        Assert.Empty(await SnapshotVersionsAsync(RunWorld.Key));
        Assert.Equal(0, await snapshots.ReadCommittedVersionAsync(RunWorld.Key, CancellationToken.None));
    }

    private static ExpectedEvents Expected(long version) => new(RunWorld.Key, version);

    /// <summary>The events the churn yields at <paramref name="version"/> (the version after the churn).</summary>
    private static ExpectedEvents ChurnEvents(long version) => Expected(version)
        .Entered("u3", "u7")
        .EntityEntered("u3", "0.1", "account", "103").EntityEntered("u3", "0.1.0", "credit_card", "204")
        .EntityEntered("u7", "0.1", "account", "108").EntityEntered("u7", "0.1.0", "credit_card", "209")
        .EntityEntered("u5", "0.1.0", "credit_card", "210")
        .ValuesChanged("u1", "u5", "u8")
        .EntityExited("u2", "0.1", "account", "102").EntityExited("u2", "0.1.0", "credit_card", "203")
        .EntityExited("u5", "0.1", "account", "106").EntityExited("u5", "0.1.0", "credit_card", "207")
        .EntityExited("u6", "0.1", "account", "107").EntityExited("u6", "0.1.0", "credit_card", "208")
        .Exited("u2", "u6");

    private Task<AudienceRunResult> RunAsync(
        IWarehouse? warehouse = null, IRunStore? store = null, AudienceRunnerOptions? options = null, string? runId = null, EnrichmentSpec? enrichment = null) =>
        RunAsync(RunWorld.OutstandingPro, RunWorld.Key, enrichment ?? Enrichment, warehouse, store, options, runId);

    private Task ChurnAsync() => ExecuteAllAsync(RunWorld.Churn);
}
