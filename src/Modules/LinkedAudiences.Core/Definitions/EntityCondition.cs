using System.Text.Json.Serialization;

namespace LinkedAudiences.Core.Definitions;

/// <summary>
/// With / without an entity related to the parent (the profile, or the entity of the enclosing condition).
/// Nested <see cref="Conditions"/> are about the same row of this entity (SEMANTICS.md 4).
/// </summary>
// Nested conditions are declared as EntityCondition, so without its own discriminator a nested "kind": "entity"
// (as the examples write it) was refused as an unknown member. Declaring itself lets nested conditions carry
// "kind" or omit it; polymorphism needs an unsealed type, hence no "sealed".
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(EntityCondition), "entity")]
public record EntityCondition : Condition
{
    /// <summary>The entity reached from the parent.</summary>
    public required string Entity { get; init; }

    /// <summary>The relationship to follow; optional when exactly one links the parent to <see cref="Entity"/>.</summary>
    public string? Relationship { get; init; }

    /// <summary>The entity property condition group: filters on this entity's columns.</summary>
    public PropertyFilterGroup? Where { get; init; }

    /// <summary>Only rows whose timestamp/date column is within the last N days of the as-of time.</summary>
    public RelativeWindow? Window { get; init; }

    /// <summary>At least / exactly / at most N qualifying rows. Absent means at least 1.</summary>
    public CountFilter? Count { get; init; }

    /// <summary>An aggregate over the qualifying rows compared with a value (SEMANTICS.md 3).</summary>
    public AggregateFilter? Aggregate { get; init; }

    /// <summary>Conditions on entities related to this one (the next depth of the branch).</summary>
    public IReadOnlyList<EntityCondition> Conditions { get; init; } = [];

    public LogicalOperator ConditionsOperator { get; init; } = LogicalOperator.And;
}
