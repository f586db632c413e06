using System.Net;
using System.Text.Json.Nodes;
using LinkedAudiences.Models;
using LinkedAudiences.Tests.Delivery;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Tests.Runs;
using LinkedAudiences.Services.Runs;
using LinkedAudiences.Workflows.Activities;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.BackgroundTasks;

namespace LinkedAudiences.Tests.Workflows;

/// <summary>
/// Runs reach workflows on their own: the bridge is pumped right after Enable / Run now (no bridge pass by hand), and
/// an enriched trait changed between runs fires <c>Audience values changed</c> once.
/// </summary>
public sealed class WorkflowAfterRunTests(Site site) : IClassFixture<Site>, IDisposable
{
    private const string Uc1 = "uc1-outstanding-credit-card";

    private readonly LoopbackReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    [Fact]
    public async Task RunNowOnTheAudienceScreen_FiresTheWorkflow_WithoutABridgePassByHand()
    {
        var warehouse = await site.UseDemoWarehouseAsync(150);
        using var admin = await site.SignInAsAdminAsync();
        const string Key = "wf-after-run";
        var created = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("Workflows after run", Key, RepositoryFiles.Audience(Uc1)));
        var id = created.EditedItemId();
        await site.PumpAsync();
        var enteredType = await site.CreateEventWorkflowAsync(nameof(ProfileEnteredAudienceEvent), Key, $"{_receiver.BaseUrl}/entered");
        var completedType = await site.CreateEventWorkflowAsync(nameof(AudienceRunCompletedEvent), Key, $"{_receiver.BaseUrl}/completed");
        var overview = $"/Admin/LinkedAudiences/Audiences/Overview/{id}";

        var enabled = await admin.SubmitAsync(overview, $"/Admin/LinkedAudiences/Audiences/Enable/{id}", []);
        var first = (await site.RunsAsync(Key))[0];
        var afterEnable = await RunsSupport.EventuallyAsync(() => Task.FromResult(_receiver.At("/completed").Count), n => n == 1);
        var enteredFirst = _receiver.At("/entered");

        var churn = await WorkflowChurn.ApplyAsync(warehouse);
        var ranNow = await admin.SubmitAsync(overview, $"/Admin/LinkedAudiences/Audiences/RunNow/{id}", []);
        var second = (await site.RunsAsync(Key))[0];
        var afterRunNow = await RunsSupport.EventuallyAsync(() => Task.FromResult(_receiver.At("/completed").Count), n => n == 2);
        var enteredBoth = _receiver.At("/entered");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (enabled.Status, ranNow.Status));
        Assert.NotEqual(first.RunId, second.RunId);
        Assert.True(first.Summary.Entered > 5, $"UC1 has members in the demo warehouse ({first.Summary}).");

        // Enable ran the audience and, once the request ended, the bridge: one POST per entered member, one completion.
        Assert.Equal(1, afterEnable);
        Assert.Equal(first.Summary.Entered, enteredFirst.Count);
        Assert.Equal(enteredFirst.Count, enteredFirst.Select(r => r.MessageId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(enteredFirst, r => Assert.Equal(r.MessageId, (string?)r.Json!["messageId"]));

        // Run now after the churn: the joiner's entry, and the run's completion, with no bridge pass by hand.
        Assert.Equal(2, afterRunNow);
        Assert.Equal(1L, second.Summary.Entered);
        var joined = Assert.Single(enteredBoth.Skip(enteredFirst.Count));
        Assert.Equal((churn.Joiner, second.RunId, Key), ((string?)joined.Json!["profileId"], (string?)joined.Json!["runId"], (string?)joined.Json!["audience"]));
        Assert.StartsWith("la-", joined.MessageId, StringComparison.Ordinal);
        Assert.Equal(first.Summary.Entered + 1, (await site.InstancesAsync(enteredType)).Count);
        Assert.Equal(2, (await site.InstancesAsync(completedType)).Count);

        // Nothing was left for a pass by hand.
        var leftover = await site.PumpAsync();
        Assert.Equal((0, 0), (leftover.Events, leftover.Runs));
    }

    [Fact]
    public async Task ScheduledRun_FiresTheWorkflow_WithoutABridgePassByHand()
    {
        var warehouse = await site.UseDemoWarehouseAsync(150);
        using var admin = await site.SignInAsAdminAsync();
        const string Key = "wf-scheduled";
        var created = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("Workflows scheduled", Key, RepositoryFiles.Audience(Uc1)));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        await site.PumpAsync();
        var enteredType = await site.CreateEventWorkflowAsync(nameof(ProfileEnteredAudienceEvent), Key, $"{_receiver.BaseUrl}/scheduled");
        await site.EnableAsync(Key);
        var first = (await site.RunsAsync(Key))[0];
        var afterEnable = _receiver.At("/scheduled").Count;

        // The churn, and the audience due now: one pass of the scheduler's background task runs it.
        var churn = await WorkflowChurn.ApplyAsync(warehouse);
        await site.InTenantAsync(async services =>
        {
            var store = services.GetRequiredService<ContentAudienceStore>();
            var audience = await store.GetAudienceAsync(Key, null, CancellationToken.None);
            await store.UpdateStateAsync(Key, audience!.State with { NextRunAt = DateTimeOffset.UnixEpoch }, CancellationToken.None);
        });
        await site.InTenantAsync(services => services.GetServices<IBackgroundTask>().OfType<LinkedAudiences.BackgroundTasks.AudienceSchedulerBackgroundTask>().Single()
            .DoWorkAsync(services, CancellationToken.None));
        var runs = await site.RunsAsync(Key);
        var requests = _receiver.At("/scheduled");

        Assert.Equal(first.Summary.Entered, afterEnable);
        Assert.Equal(2, runs.Count);
        Assert.Equal(1L, runs[0].Summary.Entered);
        var joined = Assert.Single(requests.Skip(afterEnable));
        Assert.Equal((churn.Joiner, runs[0].RunId), ((string?)joined.Json!["profileId"], (string?)joined.Json!["runId"]));
        Assert.Equal(first.Summary.Entered + 1, (await site.InstancesAsync(enteredType)).Count);
    }

    [Fact]
    public async Task EnrichedTraitChangedBetweenRuns_FiresAudienceValuesChangedOnce()
    {
        var warehouse = await site.UseDemoWarehouseAsync(150);
        using var admin = await site.SignInAsAdminAsync();
        const string Key = "wf-values";
        var created = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("Workflows values", Key, RepositoryFiles.Audience(Uc1)));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);

        // An enabled activation enriching "plan": the runs hash it per member (ActivationEnrichmentSpecSource).
        await admin.CreateActivationAsync(new JsonObject
        {
            ["title"] = "Values → receiver",
            ["audienceKey"] = Key,
            ["trigger"] = "audienceMembershipOrValuesChanged",
            ["destinationKind"] = "webhook",
            ["url"] = $"{_receiver.BaseUrl}/activation",
            ["initialBackoffSeconds"] = 0,
            ["enabled"] = true,
            ["enrichmentTraits"] = new JsonArray("plan"),
        });
        await site.PumpAsync();
        var valuesType = await site.CreateEventWorkflowAsync(nameof(AudienceValuesChangedEvent), Key, $"{_receiver.BaseUrl}/values");
        var changedType = await site.CreateEventWorkflowAsync(nameof(AudienceMembershipChangedEvent), Key, $"{_receiver.BaseUrl}/changed");

        await site.EnableAsync(Key);
        var first = (await site.RunsAsync(Key))[0];
        await site.PumpAsync();
        var valuesAfterFirst = _receiver.At("/values").Count;

        var members = (await RunsSupport.EngineMembersAsync(warehouse, Uc1)).Order(StringComparer.Ordinal).ToList();
        var staying = members[0];
        await RunsSupport.ExecuteAsync(warehouse, $"UPDATE profiles SET plan = 'changed-plan-7c1' WHERE profile_id = '{staying}'");
        var second = await site.RunNowAsync(Key);
        await site.PumpAsync();
        var valuesAfterSecond = _receiver.At("/values");

        var third = await site.RunNowAsync(Key);
        await site.PumpAsync();

        Assert.True(first.Summary.Entered > 5, $"UC1 has members ({first.Summary}).");
        Assert.Equal(first.Summary.Entered, _receiver.At("/changed").Count);
        Assert.Equal(0, valuesAfterFirst);

        // Only the staying member's enriched trait changed: one values-changed event, no membership change.
        Assert.Equal((0L, 0L), (second.Run!.Summary.Entered, second.Run.Summary.Exited));
        var changed = Assert.Single(valuesAfterSecond);
        Assert.Equal((staying, second.Run.RunId, "true"), ((string?)changed.Json!["profileId"], (string?)changed.Json!["runId"], (string?)changed.Json!["isMember"]));
        Assert.Equal(changed.MessageId, (string?)changed.Json!["messageId"]);
        var instance = Assert.Single(await site.InstancesAsync(valuesType));
        Assert.Equal(changed.MessageId, instance.CorrelationId);

        // Unchanged data: the third run fires no values-changed (nor membership) event again.
        Assert.Equal(Core.Runs.RunStatus.Succeeded, third.Run!.Status);
        Assert.Single(_receiver.At("/values"));
        Assert.Single(await site.InstancesAsync(valuesType));
        Assert.Equal(first.Summary.Entered, (await site.InstancesAsync(changedType)).Count);
    }
}
