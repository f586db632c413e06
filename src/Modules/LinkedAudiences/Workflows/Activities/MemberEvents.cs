using Microsoft.Extensions.Localization;

namespace LinkedAudiences.Workflows.Activities;

/// <summary>A profile (or, for an entity-target audience, a member row) entered the audience.</summary>
public sealed class ProfileEnteredAudienceEvent(IStringLocalizer<ProfileEnteredAudienceEvent> localizer) : AudienceEventActivity(localizer)
{
    public override LocalizedString DisplayText => S["Profile entered audience"];
}

/// <summary>A profile (or member row) left the audience.</summary>
public sealed class ProfileExitedAudienceEvent(IStringLocalizer<ProfileExitedAudienceEvent> localizer) : AudienceEventActivity(localizer)
{
    public override LocalizedString DisplayText => S["Profile exited audience"];
}

/// <summary>Identify-style: a profile's membership changed either way (Input.IsMember tells which).</summary>
public sealed class AudienceMembershipChangedEvent(IStringLocalizer<AudienceMembershipChangedEvent> localizer) : AudienceEventActivity(localizer)
{
    public override LocalizedString DisplayText => S["Audience membership changed"];
}

/// <summary>Data freshness: a member stayed but its enrichment values changed (Input.Traits holds them).</summary>
public sealed class AudienceValuesChangedEvent(IStringLocalizer<AudienceValuesChangedEvent> localizer) : AudienceEventActivity(localizer)
{
    public override LocalizedString DisplayText => S["Audience values changed"];
}
