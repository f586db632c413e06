using System.Text.Json.Nodes;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.State;
using LinkedAudiences.Services.Runs;
using LinkedAudiences.Workflows.Activities;
using LinkedAudiences.Workflows.Bridge;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.Entities;
using OrchardCore.Environment.Shell;
using OrchardCore.Environment.Shell.Scope;
using OrchardCore.Settings;
using OrchardCore.Workflows.Models;
using OrchardCore.Workflows.Services;

namespace LinkedAudiences.Tests.Workflows;

/// <summary>Workflow types, the bridge and workflow instances as tests drive and read them inside the Default tenant.</summary>
internal static class WorkflowsSupport
{
    /// <summary>The events a run's changes fire (values changed needs an enrichment, which runs in the host do not have yet).</summary>
    public static readonly string[] ChangeEvents =
    [
        nameof(ProfileEnteredAudienceEvent),
        nameof(ProfileExitedAudienceEvent),
        nameof(EntityEnteredAudienceEvent),
        nameof(EntityExitedAudienceEvent),
        nameof(AudienceMembershipChangedEvent),
    ];

    /// <summary>Every value a test reads back from the request a workflow POSTs, rendered by Liquid from the event's Input.</summary>
    public const string EventBody = """
        {"kind":"{{ Workflow.Input.Kind }}","audience":"{{ Workflow.Input.AudienceKey }}","profileId":"{{ Workflow.Input.ProfileId }}","memberKey":"{{ Workflow.Input.MemberKey }}","entity":"{{ Workflow.Input.Entity }}","entityKey":"{{ Workflow.Input.EntityKey }}","branch":"{{ Workflow.Input.Branch }}","messageId":"{{ Workflow.Input.MessageId }}","isMember":"{{ Workflow.Input.IsMember }}","runId":"{{ Workflow.Input.RunId }}","status":"{{ Workflow.Input.Status }}","error":"{{ Workflow.Input.Error }}","entered":"{{ Workflow.Input.Entered }}","exited":"{{ Workflow.Input.Exited }}","fired":"{{ Workflow.Input.EventsFired }}","started":"{{ Workflow.Input.WorkflowsStarted }}","skipped":"{{ Workflow.Input.EventsSkipped }}","limitReached":"{{ Workflow.Input.LimitReached }}"}
        """;

    public static async Task<T> InTenantAsync<T>(this WebApplicationFactory<Program> host, Func<IServiceProvider, Task<T>> work)
    {
        var scope = await host.Services.GetRequiredService<IShellHost>().GetScopeAsync(ShellSettings.DefaultShellName);
        T result = default!;
        await scope.UsingAsync(async s => result = await work(s.ServiceProvider));
        return result;
    }

    /// <summary>A workflow: <paramref name="eventName"/> of the audience (and entity) → POST <paramref name="url"/> with <see cref="EventBody"/>.</summary>
    public static Task<string> CreateEventWorkflowAsync(this WebApplicationFactory<Program> host, string eventName, string audienceKey, string url, string? entity = null)
    {
        var start = new JsonObject { ["AudienceKey"] = audienceKey, ["ActivityMetadata"] = new JsonObject { ["Title"] = eventName } };
        if (entity is not null)
        {
            start["Entity"] = entity;
        }

        return host.CreateWorkflowAsync(
            $"{eventName} of {audienceKey}",
            new ActivityRecord { ActivityId = "start", Name = eventName, IsStart = true, Properties = start },
            new Dictionary<string, string> { ["Done"] = url });
    }

    /// <summary>A workflow starting at <paramref name="start"/>, each outcome POSTing to its URL (header X-Message-Id = the event's messageId).</summary>
    public static Task<string> CreateWorkflowAsync(this WebApplicationFactory<Program> host, string name, ActivityRecord start, IReadOnlyDictionary<string, string> outcomeUrls) =>
        host.InTenantAsync(async services =>
        {
            var type = new WorkflowType
            {
                WorkflowTypeId = "wf" + Guid.NewGuid().ToString("N")[..20],
                Name = name,
                IsEnabled = true,
                DeleteFinishedWorkflows = false,
                Activities = [start],
            };
            var index = 0;
            foreach (var (outcome, url) in outcomeUrls)
            {
                var post = new ActivityRecord
                {
                    ActivityId = "post" + index,
                    Name = "HttpRequestTask",
                    X = 300,
                    Y = 100 * index,
                    Properties = new JsonObject
                    {
                        ["Url"] = new JsonObject { ["Expression"] = url },
                        ["HttpMethod"] = "POST",
                        ["Headers"] = new JsonObject { ["Expression"] = "X-Message-Id: {{ Workflow.Input.MessageId }}" },
                        ["Body"] = new JsonObject { ["Expression"] = EventBody },
                        ["ContentType"] = new JsonObject { ["Expression"] = "application/json" },
                        ["HttpResponseCodes"] = "200",
                    },
                };
                type.Activities.Add(post);
                type.Transitions.Add(new Transition { Id = index, SourceActivityId = start.ActivityId, SourceOutcomeName = outcome, DestinationActivityId = post.ActivityId });
                index++;
            }

            await services.GetRequiredService<IWorkflowTypeStore>().SaveAsync(type);
            return type.WorkflowTypeId;
        });

    public static Task<IReadOnlyList<Workflow>> InstancesAsync(this WebApplicationFactory<Program> host, string workflowTypeId) =>
        host.InTenantAsync<IReadOnlyList<Workflow>>(async services => [.. await services.GetRequiredService<IWorkflowStore>().ListAsync(workflowTypeId)]);

    /// <summary>One pass of the bridge (waits for a pass the background task may be making).</summary>
    public static Task<WorkflowBridgeResult> PumpAsync(this WebApplicationFactory<Program> host, int maxEvents = 100_000) =>
        host.InTenantAsync(async services =>
            await services.GetRequiredService<WorkflowBridge>().PumpAsync(maxEvents, TimeSpan.FromMinutes(2), CancellationToken.None)
            ?? throw new InvalidOperationException("The bridge lock was not free within two minutes."));

    /// <summary>Starts a workflow type directly (its start activity a task), returning its status and a copy of its output.</summary>
    public static Task<(WorkflowStatus Status, Dictionary<string, object> Output)> StartAsync(this WebApplicationFactory<Program> host, string workflowTypeId, Dictionary<string, object> input) =>
        host.InTenantAsync(async services =>
        {
            var type = await services.GetRequiredService<IWorkflowTypeStore>().GetAsync(workflowTypeId);
            var context = await services.GetRequiredService<IWorkflowManager>().StartWorkflowAsync(type, null, input);
            return (context.Status, new Dictionary<string, object>(context.Output));
        });

    public static Task<LinkedAudiences.Core.Lifecycle.LifecycleRunResult> RunNowAsync(this WebApplicationFactory<Program> host, string audienceKey) =>
        host.InTenantAsync(services => services.GetRequiredService<AudienceRuns>().RunNowAsync(audienceKey, CancellationToken.None));

    public static Task<AudienceState> EnableAsync(this WebApplicationFactory<Program> host, string audienceKey) =>
        host.InTenantAsync(services => services.GetRequiredService<AudienceRuns>().EnableAsync(audienceKey, CancellationToken.None));

    /// <summary>A run's outbox events, in order.</summary>
    public static Task<IReadOnlyList<Core.Events.AudienceEvent>> OutboxAsync(this WebApplicationFactory<Program> host, string runId) =>
        host.InTenantAsync<IReadOnlyList<Core.Events.AudienceEvent>>(async services =>
        {
            var runs = (await services.GetRequiredService<TenantStateStore>().GetAsync(CancellationToken.None)).Runs;
            var events = new List<Core.Events.AudienceEvent>();
            await foreach (var entry in runs.ReadOutboxAsync(runId, CancellationToken.None))
            {
                events.Add(entry.Event);
            }

            return events;
        });

    public static Task<IReadOnlyList<RunRecord>> RunsAsync(this WebApplicationFactory<Program> host, string audienceKey) =>
        host.InTenantAsync(async services =>
            await (await services.GetRequiredService<TenantStateStore>().GetAsync(CancellationToken.None)).Runs.ListRunsAsync(audienceKey, 50, CancellationToken.None));

    public static Task SaveBridgeSettingsAsync(this WebApplicationFactory<Program> host, Action<WorkflowBridgeSettings> change) =>
        host.InTenantAsync(async services =>
        {
            var siteService = services.GetRequiredService<ISiteService>();
            var site = await siteService.LoadSiteSettingsAsync();
            site.Alter(change);
            await siteService.UpdateSiteSettingsAsync(site);
            return true;
        });
}
