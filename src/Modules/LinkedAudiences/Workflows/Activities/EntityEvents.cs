using Microsoft.Extensions.Localization;

namespace LinkedAudiences.Workflows.Activities;

/// <summary>An entity row entered a member's matched entities (e.g. a credit card became outstanding).</summary>
public sealed class EntityEnteredAudienceEvent(IStringLocalizer<EntityEnteredAudienceEvent> localizer) : AudienceEntityEventActivity(localizer)
{
    public override LocalizedString DisplayText => S["Entity entered audience"];
}

/// <summary>An entity row left a member's matched entities.</summary>
public sealed class EntityExitedAudienceEvent(IStringLocalizer<EntityExitedAudienceEvent> localizer) : AudienceEntityEventActivity(localizer)
{
    public override LocalizedString DisplayText => S["Entity exited audience"];
}
