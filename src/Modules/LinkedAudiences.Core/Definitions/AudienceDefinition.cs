namespace LinkedAudiences.Core.Definitions;

/// <summary>
/// What the builder produces: a target (profiles or one entity) and condition groups combined with AND/OR.
/// Versioned JSON (docs/schema/audience-definition.schema.json).
/// </summary>
public sealed record AudienceDefinition
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public AudienceTarget Target { get; init; } = AudienceTarget.Profiles;

    /// <summary>How the groups combine.</summary>
    public LogicalOperator GroupOperator { get; init; } = LogicalOperator.And;

    public IReadOnlyList<ConditionGroup> Groups { get; init; } = [];
}

public enum LogicalOperator
{
    And,
    Or,
}

public enum TargetType
{
    Profile,
    Entity,
}

/// <summary>Profiles, or the rows of one entity (then <see cref="Entity"/> names it).</summary>
public sealed record AudienceTarget
{
    public static readonly AudienceTarget Profiles = new() { Type = TargetType.Profile };

    public TargetType Type { get; init; } = TargetType.Profile;

    public string? Entity { get; init; }
}

public sealed record ConditionGroup
{
    public LogicalOperator Operator { get; init; } = LogicalOperator.And;

    public IReadOnlyList<Condition> Conditions { get; init; } = [];
}
