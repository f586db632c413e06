using System.Text.Json;

namespace LinkedAudiences.Core.Definitions;

/// <summary>With / without a profile trait. Without an operator it tests that the trait is present (not null).</summary>
public sealed record TraitCondition : Condition
{
    /// <summary>Trait name as the data graph declares it; nested traits use their dotted name ("address.city").</summary>
    public required string Trait { get; init; }

    public ComparisonOperator? Operator { get; init; }

    public JsonElement? Value { get; init; }

    /// <summary>A dynamic reference to another profile trait, instead of <see cref="Value"/>.</summary>
    public ValueReference? Ref { get; init; }
}
