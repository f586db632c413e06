namespace LinkedAudiences.Core.Engine;

/// <summary>Where the engine finds the product's own tables inside the warehouse.</summary>
public sealed record AudienceEngineOptions
{
    /// <summary>The schema of the stored memberships that "membership" part-of-audience conditions read. Default "linked_audiences".</summary>
    public string MembershipSchema { get; init; } = "linked_audiences";

    /// <summary>Table or view (audience_key VARCHAR, member_key VARCHAR) with each audience's last stored membership. Default "audience_membership".</summary>
    public string MembershipTable { get; init; } = "audience_membership";
}
