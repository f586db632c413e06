using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Core.Validation;

/// <summary>A trait condition: the trait exists; with an operator, a constant or a trait reference of its type.</summary>
internal static class TraitConditionRules
{
    public static void Check(GraphIndex graph, ValidationErrorList errors, TraitCondition condition, string path)
    {
        if (graph.Trait(condition.Trait) is not { } trait)
        {
            errors.Add(path.Prop("trait"), ValidationRules.UnknownTrait, string.IsNullOrEmpty(condition.Trait)
                ? "A trait condition must name a trait ('trait')."
                : $"Trait '{condition.Trait}' does not exist in the data graph.");
            return;
        }

        ComparisonRules.Check(graph, errors, path, condition.Operator, condition.Value, condition.Ref, trait.Type,
            $"{JsonNames.Of(trait.Type)} trait '{trait.Name}'", ReferenceScope.TraitCondition);
    }
}
