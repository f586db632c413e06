using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Core.Planning;

/// <summary>Part of another audience: its plan inlined (import) or its stored membership (membership).</summary>
public sealed record PlannedAudienceCondition : PlannedCondition
{
    public required string AudienceKey { get; init; }

    public required AudienceReferenceMode Mode { get; init; }

    /// <summary>The referenced audience's plan, for <see cref="AudienceReferenceMode.Import"/>; null otherwise.</summary>
    public AudiencePlan? Imported { get; init; }
}
