using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Planning;

/// <summary>An entity condition with its entity, the relationship from its parent and everything nested under it.</summary>
public sealed record PlannedEntityCondition : PlannedCondition
{
    public required EntityCondition Source { get; init; }

    public required EntityDefinition Entity { get; init; }

    public required Relationship Relationship { get; init; }

    /// <summary>How rows of <see cref="Entity"/> hang from a parent row, with every column named.</summary>
    public required PlannedLink Link { get; init; }

    /// <summary>The parent entity; null when the parent is the profile.</summary>
    public EntityDefinition? ParentEntity { get; init; }

    /// <summary>1 directly under the profile, 2 under that, ...</summary>
    public required int Depth { get; init; }

    /// <summary>The entity rows above this one in the branch, root first (the profile excluded).</summary>
    public required IReadOnlyList<EntityScope> Ancestors { get; init; }

    public PlannedFilterGroup? Where { get; init; }

    public PlannedWindow? Window { get; init; }

    public CountFilter? Count { get; init; }

    public PlannedAggregate? Aggregate { get; init; }

    public IReadOnlyList<PlannedEntityCondition> Conditions { get; init; } = [];

    public LogicalOperator ConditionsOperator { get; init; } = LogicalOperator.And;

    public EntityScope Scope => new(Entity, BranchId, Depth);

    /// <summary>
    /// True when the condition only asks that a qualifying row exists (no negation, no aggregate, at least 1):
    /// a join that reaches such a row already proves it.
    /// </summary>
    public bool IsPlainExistence =>
        !Negate && Aggregate is null && (Count is null || (Count.Operator == CountOperator.AtLeast && Count.Value == 1));
}

/// <summary>A row of an entity in a branch: which entity, which condition (branch id) and at which depth.</summary>
public sealed record EntityScope(EntityDefinition Entity, string BranchId, int Depth);

/// <summary>"Within the last N days" on a DATE or TIMESTAMP column of the entity.</summary>
public sealed record PlannedWindow(ColumnDefinition Column, int WithinLastDays);

/// <summary>An aggregate over the qualifying rows; <see cref="Column"/> is null for count.</summary>
public sealed record PlannedAggregate(AggregateFunction Function, ColumnDefinition? Column, ComparisonOperator Operator, decimal Value);
