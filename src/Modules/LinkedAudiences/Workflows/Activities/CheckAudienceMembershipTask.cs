using LinkedAudiences.Workflows.Bridge;
using Microsoft.Extensions.Localization;
using OrchardCore.Workflows.Abstractions.Models;
using OrchardCore.Workflows.Activities;
using OrchardCore.Workflows.Models;
using OrchardCore.Workflows.Services;

namespace LinkedAudiences.Workflows.Activities;

/// <summary>
/// Whether a profile (for an entity-target audience: a member row's key) is in the audience's committed snapshot:
/// Member or NotMember, with the member's enrichment values (profile traits, and the rows the member matched of
/// each entity the definition names) as the workflow's Output under <see cref="OutputName"/>. Failed when the
/// audience or the warehouse cannot be read.
/// </summary>
public sealed class CheckAudienceMembershipTask(
    AudienceMembership membership,
    IWorkflowExpressionEvaluator expressions,
    IStringLocalizer<CheckAudienceMembershipTask> localizer) : TaskActivity<CheckAudienceMembershipTask>
{
    public const string OutputName = "AudienceMembership";

    private readonly IStringLocalizer S = localizer;

    public override LocalizedString DisplayText => S["Check audience membership"];

    public override LocalizedString Category => S["Linked Audiences"];

    public string AudienceKey
    {
        get => GetProperty(() => string.Empty);
        set => SetProperty(value);
    }

    public WorkflowExpression<string> AudienceKeyExpression
    {
        get => GetProperty(() => new WorkflowExpression<string>());
        set => SetProperty(value);
    }

    /// <summary>The profile id, e.g. <c>{{ Workflow.Input.ProfileId }}</c>.</summary>
    public WorkflowExpression<string> ProfileId
    {
        get => GetProperty(() => new WorkflowExpression<string>());
        set => SetProperty(value);
    }

    public override IEnumerable<Outcome> GetPossibleOutcomes(WorkflowExecutionContext workflowContext, ActivityContext activityContext) =>
        Outcomes(S["Member"], S["NotMember"], S["Failed"]);

    public override async Task<ActivityExecutionResult> ExecuteAsync(WorkflowExecutionContext workflowContext, ActivityContext activityContext)
    {
        var key = await AudienceKeys.ResolveAsync(AudienceKey, AudienceKeyExpression, expressions, workflowContext);
        var profileId = (await expressions.EvaluateAsync(ProfileId, workflowContext, null))?.Trim() ?? string.Empty;
        var result = await membership.CheckAsync(key, profileId, workflowContext.CancellationToken);
        var output = result.ToOutput();
        workflowContext.Output[OutputName] = output;
        workflowContext.LastResult = output;
        return Outcomes(result.Error is not null ? "Failed" : result.IsMember ? "Member" : "NotMember");
    }
}
