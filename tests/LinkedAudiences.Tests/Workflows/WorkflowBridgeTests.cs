using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Models;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Tests.Runs;
using LinkedAudiences.Workflows.Activities;
using OrchardCore.Workflows.Models;

namespace LinkedAudiences.Tests.Workflows;

/// <summary>The outbox-to-workflow bridge in the real host: audience events fire workflows once per change, with a loopback webhook.</summary>
public sealed class WorkflowBridgeTests(Site site) : IClassFixture<Site>, IDisposable
{
    private const string Uc1 = "uc1-outstanding-credit-card";

    private readonly LoopbackReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    [Fact]
    public async Task ChurnBetweenRuns_FiresEachEventActivityOncePerChange_AndAnUnchangedRunFiresNoChangeEvent()
    {
        var warehouse = await site.UseDemoWarehouseAsync(300);
        var key = await CreateAudienceAsync("wf-churn", Uc1);
        await site.PumpAsync();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in WorkflowsSupport.ChangeEvents.Append(nameof(AudienceRunCompletedEvent)))
        {
            types[name] = await site.CreateEventWorkflowAsync(name, key, $"{_receiver.BaseUrl}/{name}");
        }

        // An entity filter: only credit card rows, never accounts.
        var cardsOnly = await site.CreateEventWorkflowAsync(nameof(EntityExitedAudienceEvent), key, $"{_receiver.BaseUrl}/card-exited", entity: "credit_card");
        var first = await site.EnableAsync(key);
        var firstRun = (await site.RunsAsync(key))[0];
        await site.PumpAsync();
        var afterFirst = await CountsAsync(types);

        var churn = await WorkflowChurn.ApplyAsync(warehouse);
        var second = await site.RunNowAsync(key);
        await site.PumpAsync();
        var outbox = await site.OutboxAsync(second.Run!.RunId);
        var afterSecond = await CountsAsync(types);

        var third = await site.RunNowAsync(key);
        var thirdPass = await site.PumpAsync();
        var afterThird = await CountsAsync(types);
        var again = await site.PumpAsync();

        // The first run: every member entered once (and its membership changed once), one completion.
        Assert.Equal(firstRun.Summary.Entered, afterFirst[nameof(ProfileEnteredAudienceEvent)]);
        Assert.True(firstRun.Summary.Entered > 10, $"The first run has members ({firstRun.Summary}).");
        Assert.Equal(firstRun.Summary.Entered, afterFirst[nameof(AudienceMembershipChangedEvent)]);
        Assert.Equal(firstRun.Summary.EntitiesEntered, afterFirst[nameof(EntityEnteredAudienceEvent)]);
        Assert.Equal((0, 0, 1), (afterFirst[nameof(ProfileExitedAudienceEvent)], afterFirst[nameof(EntityExitedAudienceEvent)], afterFirst[nameof(AudienceRunCompletedEvent)]));

        // The churn: exactly the scripted changes, each firing its activity once, correlated by its messageId.
        Assert.Equal((1L, 1L, 2L, 3L), (second.Run.Summary.Entered, second.Run.Summary.Exited, second.Run.Summary.EntitiesEntered, second.Run.Summary.EntitiesExited));
        Assert.Equal(1, afterSecond[nameof(ProfileEnteredAudienceEvent)] - afterFirst[nameof(ProfileEnteredAudienceEvent)]);
        Assert.Equal(1, afterSecond[nameof(ProfileExitedAudienceEvent)]);
        Assert.Equal(2, afterSecond[nameof(AudienceMembershipChangedEvent)] - afterFirst[nameof(AudienceMembershipChangedEvent)]);
        Assert.Equal(2, afterSecond[nameof(EntityEnteredAudienceEvent)] - afterFirst[nameof(EntityEnteredAudienceEvent)]);
        Assert.Equal(3, afterSecond[nameof(EntityExitedAudienceEvent)]);
        Assert.Equal(2, afterSecond[nameof(AudienceRunCompletedEvent)]);

        var entered = Assert.Single(Posted(nameof(ProfileEnteredAudienceEvent), second.Run.RunId));
        Assert.Equal((churn.Joiner, "true", key), ((string?)entered["profileId"], (string?)entered["isMember"], (string?)entered["audience"]));
        var exited = Assert.Single(Posted(nameof(ProfileExitedAudienceEvent), second.Run.RunId));
        Assert.Equal((churn.Leaver, "false"), ((string?)exited["profileId"], (string?)exited["isMember"]));
        Assert.Equal(
            [$"{churn.Leaver}:account", $"{churn.Leaver}:credit_card:{churn.LeaverCard}", $"{churn.Stayer}:credit_card:{churn.StayerCard}"],
            Posted(nameof(EntityExitedAudienceEvent), second.Run.RunId)
                .Select(b => (string?)b["entity"] == "account" ? $"{b["profileId"]}:account" : $"{b["profileId"]}:{b["entity"]}:{b["entityKey"]}")
                .Order(StringComparer.Ordinal));
        Assert.Equal(
            [$"{churn.Leaver}:{churn.LeaverCard}", $"{churn.Stayer}:{churn.StayerCard}"],
            _receiver.At("/card-exited").Select(r => $"{r.Json!["profileId"]}:{r.Json!["entityKey"]}").Order(StringComparer.Ordinal));
        Assert.Equal(2, (await site.InstancesAsync(cardsOnly)).Count);

        // Every change event of both runs started exactly one workflow, correlated by its messageId, and was posted once.
        var changeIds = (await site.OutboxAsync(firstRun.RunId)).Concat(outbox).Select(e => e.MessageId).Order(StringComparer.Ordinal).ToList();
        var correlated = new List<string>();
        foreach (var name in WorkflowsSupport.ChangeEvents)
        {
            correlated.AddRange((await site.InstancesAsync(types[name])).Select(w => w.CorrelationId));
        }

        Assert.Equal(changeIds, correlated.Order(StringComparer.Ordinal));
        var postedIds = WorkflowsSupport.ChangeEvents.SelectMany(n => _receiver.At("/" + n)).Select(r => r.MessageId!).ToList();
        Assert.Equal(changeIds, postedIds.Order(StringComparer.Ordinal));
        var completed = _receiver.At("/" + nameof(AudienceRunCompletedEvent)).Select(r => r.Json!).Single(b => (string?)b["runId"] == second.Run.RunId);
        Assert.Equal(("Succeeded", "1", "1"), ((string?)completed["status"], (string?)completed["entered"], (string?)completed["exited"]));

        // Unchanged data: the third run fires no change event, only its completion; a pass with nothing new fires nothing.
        Assert.Equal(RunStatus.Succeeded, third.Run!.Status);
        Assert.Equal(0, thirdPass.Fired);
        foreach (var name in WorkflowsSupport.ChangeEvents)
        {
            Assert.Equal(afterSecond[name], afterThird[name]);
        }

        Assert.Equal(3, afterThird[nameof(AudienceRunCompletedEvent)]);
        Assert.Equal((0, 0), (again.Events, again.Runs));
        Assert.Equal(Core.State.AudienceStatus.Live, first.Status);
        Assert.All(await site.InstancesAsync(types[nameof(ProfileEnteredAudienceEvent)]), w => Assert.Equal(WorkflowStatus.Finished, w.Status));
    }

    [Fact]
    public async Task RunFailure_FiresAudienceRunFailedWithTheWarehouseMessage()
    {
        await site.UseDemoWarehouseAsync(60);
        var key = await CreateAudienceAsync("wf-failing", "platinum-members");
        await site.PumpAsync();
        var failedType = await site.CreateEventWorkflowAsync(nameof(AudienceRunFailedEvent), key, $"{_receiver.BaseUrl}/failed");
        var completedType = await site.CreateEventWorkflowAsync(nameof(AudienceRunCompletedEvent), key, $"{_receiver.BaseUrl}/completed");
        var missing = Path.Combine(site.AppData, "no-such-warehouse.duckdb");
        await site.UseWarehouseAsync(missing);

        var state = await site.EnableAsync(key);
        await site.PumpAsync();
        var again = await site.PumpAsync();

        var message = $"The DuckDB warehouse file '{missing}' does not exist.";
        Assert.Equal(Core.State.AudienceStatus.Failed, state.Status);
        Assert.Equal(0, again.Runs);
        var failed = Assert.Single(_receiver.At("/failed"));
        Assert.Equal(("Failed", message, key), ((string?)failed.Json!["status"], (string?)failed.Json!["error"], (string?)failed.Json!["audience"]));
        Assert.Single(await site.InstancesAsync(failedType));
        Assert.Empty(await site.InstancesAsync(completedType));
        Assert.Empty(_receiver.At("/completed"));
    }

    [Fact]
    public async Task FloodLimit_FirstRunOverTheLimit_StartsOnlyTheLimit_AndRunCompletedCarriesTheCounts()
    {
        await site.UseDemoWarehouseAsync(200);
        var key = await CreateAudienceAsync("wf-flood", "platinum-members");
        await site.PumpAsync();
        await site.SaveBridgeSettingsAsync(s => s.AudienceLimits[key] = 5);
        var enteredType = await site.CreateEventWorkflowAsync(nameof(ProfileEnteredAudienceEvent), key, $"{_receiver.BaseUrl}/entered");
        var changedType = await site.CreateEventWorkflowAsync(nameof(AudienceMembershipChangedEvent), key, $"{_receiver.BaseUrl}/changed");
        await site.CreateEventWorkflowAsync(nameof(AudienceRunCompletedEvent), key, $"{_receiver.BaseUrl}/completed");

        await site.EnableAsync(key);
        var run = (await site.RunsAsync(key))[0];
        await site.PumpAsync();

        var events = run.Summary.Entered * 2;
        Assert.True(run.Summary.Entered > 5, $"The first run brings more members than the limit ({run.Summary}).");
        var started = (await site.InstancesAsync(enteredType)).Count + (await site.InstancesAsync(changedType)).Count;
        Assert.Equal(5, started);
        Assert.Equal(5, _receiver.At("/entered").Count + _receiver.At("/changed").Count);
        var completed = Assert.Single(_receiver.At("/completed")).Json!;
        Assert.Equal(("5", "5", (events - 5).ToString(System.Globalization.CultureInfo.InvariantCulture), "true"),
            ((string?)completed["fired"], (string?)completed["started"], (string?)completed["skipped"], (string?)completed["limitReached"]));
        Assert.Equal(run.Summary.Entered.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)completed["entered"]);
    }

    [Fact]
    public async Task RunLinkedAudienceTask_PublishedAudience_Done_WithTheChangeSummary_UnknownAudience_Failed()
    {
        await site.UseDemoWarehouseAsync(60);
        var key = await CreateAudienceAsync("wf-task-run", "platinum-members");
        await site.EnableAsync(key);
        var byPick = await site.CreateWorkflowAsync("run picked", Task(nameof(RunLinkedAudienceTask), new() { ["AudienceKey"] = key }), Outcomes("Done", "Failed"));
        var byExpression = await site.CreateWorkflowAsync(
            "run expression",
            Task(nameof(RunLinkedAudienceTask), new() { ["AudienceKeyExpression"] = new System.Text.Json.Nodes.JsonObject { ["Expression"] = "{{ Workflow.Input.Audience }}" } }),
            Outcomes("Done", "Failed"));

        var done = await site.StartAsync(byPick, new() { ["MessageId"] = "run-1" });
        var failed = await site.StartAsync(byExpression, new() { ["Audience"] = "no-such-audience", ["MessageId"] = "run-2" });
        var runs = await site.RunsAsync(key);

        Assert.Equal(WorkflowStatus.Finished, done.Status);
        var summary = (Dictionary<string, object>)done.Output[RunLinkedAudienceTask.OutputName];
        Assert.Equal(("Succeeded", runs[0].RunId, runs[0].Summary.Members), ((string)summary["Status"], (string)summary["RunId"], (long)summary["Members"]));
        Assert.Equal(2, runs.Count);
        Assert.Equal(["run-1"], _receiver.At("/Done").Select(r => r.MessageId));
        Assert.Equal(["run-2"], _receiver.At("/Failed").Select(r => r.MessageId));
        var error = (Dictionary<string, object>)failed.Output[RunLinkedAudienceTask.OutputName];
        Assert.Contains("no-such-audience", (string)error["Error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAudienceMembershipTask_Member_WithEnrichment_NonMember_NotMember()
    {
        var warehouse = await site.UseDemoWarehouseAsync(120);
        var key = await CreateAudienceAsync("wf-task-check", Uc1);
        await site.EnableAsync(key);
        var members = await RunsSupport.ProfileIdsAsync(warehouse, "profile_id IN (SELECT a.profile_id FROM accounts a JOIN credit_cards c ON c.account_id = a.account_id WHERE c.balance_status = 'Outstanding')");
        var others = await RunsSupport.ProfileIdsAsync(warehouse, "profile_id NOT IN (SELECT a.profile_id FROM accounts a JOIN credit_cards c ON c.account_id = a.account_id WHERE c.balance_status = 'Outstanding')");
        var check = await site.CreateWorkflowAsync(
            "check",
            Task(nameof(CheckAudienceMembershipTask), new() { ["AudienceKey"] = key, ["ProfileId"] = new System.Text.Json.Nodes.JsonObject { ["Expression"] = "{{ Workflow.Input.ProfileId }}" } }),
            Outcomes("Member", "NotMember", "Failed"));

        var member = await site.StartAsync(check, new() { ["ProfileId"] = members[0], ["MessageId"] = "m-1" });
        var other = await site.StartAsync(check, new() { ["ProfileId"] = others[0], ["MessageId"] = "m-2" });

        Assert.Equal(["m-1"], _receiver.At("/Member").Select(r => r.MessageId));
        Assert.Equal(["m-2"], _receiver.At("/NotMember").Select(r => r.MessageId));
        Assert.Empty(_receiver.At("/Failed"));
        var output = (Dictionary<string, object>)member.Output[CheckAudienceMembershipTask.OutputName];
        var enrichment = (System.Text.Json.Nodes.JsonObject)output["Enrichment"];
        Assert.True((bool)output["IsMember"]);
        Assert.Equal(members[0], (string)output["ProfileId"]);
        Assert.True(enrichment.ContainsKey("email") && enrichment.ContainsKey("plan"), enrichment.ToJsonString());
        var cards = enrichment["credit_card"]!.AsArray();
        Assert.NotEmpty(cards);
        Assert.All(cards, c => Assert.Equal("Outstanding", (string?)c!["balance_status"]));
        Assert.NotEmpty(enrichment["account"]!.AsArray());
        var notMember = (Dictionary<string, object>)other.Output[CheckAudienceMembershipTask.OutputName];
        Assert.False((bool)notMember["IsMember"]);
        Assert.Empty((System.Text.Json.Nodes.JsonObject)notMember["Enrichment"]);
    }

    private async Task<string> CreateAudienceAsync(string key, string definition)
    {
        using var admin = await site.SignInAsAdminAsync();
        var created = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience($"Workflows {key}", key, RepositoryFiles.Audience(definition)));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, created.Status);
        return key;
    }

    private Dictionary<string, string> Outcomes(params string[] outcomes) =>
        outcomes.ToDictionary(o => o, o => $"{_receiver.BaseUrl}/{o}", StringComparer.Ordinal);

    private static ActivityRecord Task(string name, System.Text.Json.Nodes.JsonObject properties) =>
        new() { ActivityId = "task", Name = name, IsStart = true, Properties = properties };

    private List<System.Text.Json.Nodes.JsonNode> Posted(string eventName, string runId) =>
        [.. _receiver.At("/" + eventName).Select(r => r.Json!).Where(b => (string?)b["runId"] == runId)];

    private async Task<Dictionary<string, int>> CountsAsync(Dictionary<string, string> types)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, type) in types)
        {
            counts[name] = (await site.InstancesAsync(type)).Count;
        }

        return counts;
    }
}
