using LinkedAudiences.Workflows.Activities;
using LinkedAudiences.Workflows.ViewModels;
using Microsoft.Extensions.Localization;
using OrchardCore.Workflows.Display;

namespace LinkedAudiences.Workflows.Drivers;

/// <summary>The editor of every audience event: the audience filter, and the entity filter for entity events.</summary>
public sealed class AudienceEventDisplayDriver<TActivity>(AudienceOptions options, IStringLocalizer<AudienceOptions> localizer)
    : ActivityDisplayDriver<TActivity, AudienceEventViewModel>
    where TActivity : AudienceEventActivity
{
    private readonly IStringLocalizer S = localizer;

    protected override async ValueTask EditActivityAsync(TActivity activity, AudienceEventViewModel model)
    {
        model.AudienceKey = activity.AudienceKey;
        model.Audiences = await options.AudiencesAsync(activity.AudienceKey, S["Any audience"]);
        if (activity is AudienceEntityEventActivity entityEvent)
        {
            model.HasEntity = true;
            model.Entity = entityEvent.Entity;
            model.Entities = await options.EntitiesAsync(entityEvent.Entity, S["Any entity"]);
        }
    }

    protected override void UpdateActivity(AudienceEventViewModel model, TActivity activity)
    {
        activity.AudienceKey = model.AudienceKey?.Trim() ?? string.Empty;
        if (activity is AudienceEntityEventActivity entityEvent)
        {
            entityEvent.Entity = model.Entity?.Trim() ?? string.Empty;
        }
    }
}
