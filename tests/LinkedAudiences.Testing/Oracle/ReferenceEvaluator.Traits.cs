using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Testing.Oracle;

/// <summary>Trait conditions: briefing rule 6 and SEMANTICS 5.</summary>
public sealed partial class ReferenceEvaluator
{
    private bool TraitConditionHolds(TraitCondition condition, ProfileRow profile)
    {
        var trait = FindTrait(condition.Trait);
        var value = profile.Trait(trait);

        // No operator: "with trait" means the trait is present (not null, and of its declared JSON kind).
        if (condition.Operator is not { } op)
        {
            return condition.Value is null && condition.Ref is null
                ? value is not null
                : throw new InvalidOperationException($"Trait condition on {trait.Name} has a value but no operator.");
        }

        RequireOperator(trait.Type, op, $"Trait condition on {trait.Name}");
        var right = RightSide(condition.Value, condition.Ref, trait.Type, Scope.Of(profile), allowEntityColumns: false, $"Trait condition on {trait.Name}");

        // A missing trait is null here, so even notEquals / notContains are FALSE for it (SEMANTICS 5).
        return Comparisons.Compare(trait.Type, value, op, right);
    }
}
