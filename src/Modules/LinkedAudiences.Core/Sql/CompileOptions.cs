namespace LinkedAudiences.Core.Sql;

/// <summary>Per-compilation settings.</summary>
public sealed record CompileOptions
{
    /// <summary>The evaluation time (SEMANTICS 1); windows count back from it. Bound as parameters, never the database clock.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Schema of the stored membership table read by membership-mode audience conditions. Default "linked_audiences"; empty for none.</summary>
    public string MembershipSchema { get; init; } = "linked_audiences";

    /// <summary>The stored membership table (audience_key VARCHAR, member_key VARCHAR). Default "audience_membership".</summary>
    public string MembershipTable { get; init; } = "audience_membership";
}
