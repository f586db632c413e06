namespace LinkedAudiences.Core.Snapshots;

/// <summary>Where the product keeps membership snapshots inside the warehouse.</summary>
public sealed record SnapshotOptions
{
    /// <summary>The schema the product owns in the warehouse. Default "linked_audiences".</summary>
    public string Schema { get; init; } = "linked_audiences";

    /// <summary>
    /// The view (audience_key, member_key) of each audience's committed membership. Default "audience_membership".
    /// Membership-mode part-of-audience conditions read it: keep it equal to the engine's
    /// <c>AudienceEngineOptions.MembershipSchema</c>/<c>MembershipTable</c>.
    /// </summary>
    public string MembershipView { get; init; } = "audience_membership";
}
