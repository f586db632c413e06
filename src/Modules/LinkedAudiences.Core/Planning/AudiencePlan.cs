using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Planning;

/// <summary>
/// An audience definition resolved against its data graph: every name is replaced by what it names
/// (entities, relationships, columns, traits, event properties, imported audiences), so the compiler and
/// other consumers never look anything up again. Built by <see cref="QueryPlanner"/>.
/// </summary>
public sealed record AudiencePlan
{
    public required DataGraph Graph { get; init; }

    public required AudienceDefinition Definition { get; init; }

    /// <summary>The target entity; null when the audience targets profiles.</summary>
    public EntityDefinition? TargetEntity { get; init; }

    public bool TargetsProfiles => TargetEntity is null;

    public LogicalOperator GroupOperator { get; init; } = LogicalOperator.And;

    public required IReadOnlyList<PlannedGroup> Groups { get; init; }
}

/// <summary>One condition group with its conditions in definition order.</summary>
public sealed record PlannedGroup
{
    public required int Index { get; init; }

    public LogicalOperator Operator { get; init; } = LogicalOperator.And;

    public required IReadOnlyList<PlannedCondition> Conditions { get; init; }

    /// <summary>
    /// Entity targets only: the group's target condition chain (SEMANTICS 9), from the top-level entity condition
    /// (depth 1) down to the condition on the target entity. Empty for profile targets.
    /// </summary>
    public IReadOnlyList<PlannedEntityCondition> TargetChain { get; init; } = [];
}
