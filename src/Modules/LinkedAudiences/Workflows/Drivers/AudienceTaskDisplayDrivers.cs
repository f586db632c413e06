using LinkedAudiences.Workflows.Activities;
using LinkedAudiences.Workflows.ViewModels;
using Microsoft.Extensions.Localization;
using OrchardCore.Workflows.Display;
using OrchardCore.Workflows.Models;

namespace LinkedAudiences.Workflows.Drivers;

public sealed class RunLinkedAudienceTaskDisplayDriver(AudienceOptions options, IStringLocalizer<AudienceOptions> localizer)
    : ActivityDisplayDriver<RunLinkedAudienceTask, AudienceTaskViewModel>
{
    protected override async ValueTask EditActivityAsync(RunLinkedAudienceTask activity, AudienceTaskViewModel model)
    {
        model.AudienceKey = activity.AudienceKey;
        model.AudienceKeyExpression = activity.AudienceKeyExpression.Expression;
        model.Audiences = await options.AudiencesAsync(activity.AudienceKey, localizer["From the expression"]);
    }

    protected override void UpdateActivity(AudienceTaskViewModel model, RunLinkedAudienceTask activity)
    {
        activity.AudienceKey = model.AudienceKey?.Trim() ?? string.Empty;
        activity.AudienceKeyExpression = new WorkflowExpression<string>(model.AudienceKeyExpression?.Trim() ?? string.Empty);
    }
}

public sealed class CheckAudienceMembershipTaskDisplayDriver(AudienceOptions options, IStringLocalizer<AudienceOptions> localizer)
    : ActivityDisplayDriver<CheckAudienceMembershipTask, AudienceTaskViewModel>
{
    protected override async ValueTask EditActivityAsync(CheckAudienceMembershipTask activity, AudienceTaskViewModel model)
    {
        model.AudienceKey = activity.AudienceKey;
        model.AudienceKeyExpression = activity.AudienceKeyExpression.Expression;
        model.ProfileId = activity.ProfileId.Expression;
        model.Audiences = await options.AudiencesAsync(activity.AudienceKey, localizer["From the expression"]);
    }

    protected override void UpdateActivity(AudienceTaskViewModel model, CheckAudienceMembershipTask activity)
    {
        activity.AudienceKey = model.AudienceKey?.Trim() ?? string.Empty;
        activity.AudienceKeyExpression = new WorkflowExpression<string>(model.AudienceKeyExpression?.Trim() ?? string.Empty);
        activity.ProfileId = new WorkflowExpression<string>(model.ProfileId?.Trim() ?? string.Empty);
    }
}
