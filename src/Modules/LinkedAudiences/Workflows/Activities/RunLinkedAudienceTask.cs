using LinkedAudiences.Core.Lifecycle;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Services.Runs;
using LinkedAudiences.Workflows.Bridge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OrchardCore.Environment.Shell.Scope;
using OrchardCore.Workflows.Abstractions.Models;
using OrchardCore.Workflows.Activities;
using OrchardCore.Workflows.Models;
using OrchardCore.Workflows.Services;
using YesSql;

namespace LinkedAudiences.Workflows.Activities;

/// <summary>
/// Runs an audience now (as Run now does) and waits for the run: Done when it succeeded, Failed otherwise. The run's
/// change summary (or the error) is the workflow's Output under <see cref="OutputName"/> and its LastResult. The
/// audience is the one picked in the editor, or the result of <see cref="AudienceKeyExpression"/> when it is set.
/// </summary>
public sealed class RunLinkedAudienceTask(
    AudienceRuns audienceRuns,
    ISession session,
    IWorkflowExpressionEvaluator expressions,
    IStringLocalizer<RunLinkedAudienceTask> localizer) : TaskActivity<RunLinkedAudienceTask>
{
    public const string OutputName = "LinkedAudienceRun";

    private readonly IStringLocalizer S = localizer;

    public override LocalizedString DisplayText => S["Run linked audience"];

    public override LocalizedString Category => S["Linked Audiences"];

    public string AudienceKey
    {
        get => GetProperty(() => string.Empty);
        set => SetProperty(value);
    }

    /// <summary>A Liquid expression giving the audience key; wins over <see cref="AudienceKey"/> when not empty.</summary>
    public WorkflowExpression<string> AudienceKeyExpression
    {
        get => GetProperty(() => new WorkflowExpression<string>());
        set => SetProperty(value);
    }

    public override IEnumerable<Outcome> GetPossibleOutcomes(WorkflowExecutionContext workflowContext, ActivityContext activityContext) =>
        Outcomes(S["Done"], S["Failed"]);

    public override async Task<ActivityExecutionResult> ExecuteAsync(WorkflowExecutionContext workflowContext, ActivityContext activityContext)
    {
        var key = await AudienceKeys.ResolveAsync(AudienceKey, AudienceKeyExpression, expressions, workflowContext);
        if (string.IsNullOrEmpty(key))
        {
            return Result(workflowContext, new Dictionary<string, object> { ["Status"] = "Failed", ["Error"] = "No audience: pick one or give an expression." }, "Failed");
        }

        // The run writes through the state store's own connection: on SQLite it would wait forever for the write
        // lock this scope's session may hold, so what the workflow wrote so far is committed first.
        await session.SaveChangesAsync(workflowContext.CancellationToken);
        LifecycleRunResult run;
        try
        {
            run = await audienceRuns.RunNowAsync(key, workflowContext.CancellationToken);
        }
        catch (AudienceLifecycleException e)
        {
            return Result(workflowContext, new Dictionary<string, object> { ["AudienceKey"] = key, ["Status"] = "Failed", ["Error"] = e.Message }, "Failed");
        }

        var output = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["AudienceKey"] = key,
            ["Status"] = run.Outcome.ToString(),
        };
        if (run.Run is { } record)
        {
            foreach (var (name, value) in AudienceEventInput.For(record, null).Where(p => p.Key is not ("EventsFired" or "WorkflowsStarted" or "EventsSkipped" or "LimitReached")))
            {
                output[name] = value;
            }
        }

        if (run.Error is not null)
        {
            output["Error"] = run.Error;
        }

        // The bridge carries the run's events into workflows after this scope ends, instead of waiting for its minute.
        ShellScope.AddDeferredTask(scope => scope.ServiceProvider.GetRequiredService<WorkflowBridge>()
            .PumpAsync(WorkflowBridge.EventsPerPass, TimeSpan.Zero, CancellationToken.None));
        return Result(workflowContext, output, run.Outcome == LifecycleRunOutcome.Succeeded && run.Run?.Status == RunStatus.Succeeded ? "Done" : "Failed");
    }

    private static ActivityExecutionResult Result(WorkflowExecutionContext workflowContext, Dictionary<string, object> output, string outcome)
    {
        workflowContext.Output[OutputName] = output;
        workflowContext.LastResult = output;
        return Outcomes(outcome);
    }
}
