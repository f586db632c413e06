using Microsoft.Extensions.Localization;

namespace LinkedAudiences.Workflows.Activities;

/// <summary>
/// A run of the audience succeeded, after the workflows of its changes were started; Input carries the change summary
/// and what the bridge did (EventsFired, WorkflowsStarted, EventsSkipped, LimitReached).
/// </summary>
public sealed class AudienceRunCompletedEvent(IStringLocalizer<AudienceRunCompletedEvent> localizer) : AudienceEventActivity(localizer)
{
    public override LocalizedString DisplayText => S["Audience run completed"];
}

/// <summary>A run of the audience failed; Input.Error is the warehouse's message.</summary>
public sealed class AudienceRunFailedEvent(IStringLocalizer<AudienceRunFailedEvent> localizer) : AudienceEventActivity(localizer)
{
    public override LocalizedString DisplayText => S["Audience run failed"];
}
