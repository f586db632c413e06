using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Planning;

/// <summary>A trait compared with a constant or another trait; no operator means "the trait is present".</summary>
public sealed record PlannedTraitCondition : PlannedCondition
{
    public required TraitCondition Source { get; init; }

    public required TraitDefinition Trait { get; init; }

    public ComparisonOperator? Operator { get; init; }

    /// <summary>The right-hand side (a constant or a trait); null when <see cref="Operator"/> is null.</summary>
    public PlannedOperand? Value { get; init; }
}
