using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Core.Validation;

/// <summary>
/// Entity-targeted audiences (SEMANTICS 9): each group must contain the target entity through a positive entity
/// condition — its members are rows of that entity — and its conditions combine with AND, as the seeds enforce.
/// </summary>
internal static class EntityTargetRules
{
    public static void Check(ConditionGroup group, string path, string target, ValidationErrorList errors)
    {
        if (group.Operator == LogicalOperator.Or)
        {
            errors.Add(path.Prop("operator"), ValidationRules.EntityTargetOperator,
                $"Conditions of an audience targeting '{target}' combine with AND; 'or' is not allowed in its groups.");
        }

        if (!(group.Conditions ?? []).OfType<EntityCondition>().Any(c => Reaches(c, target)))
        {
            errors.Add(path, ValidationRules.EntityTargetMissing,
                $"This group has no 'with entity' condition reaching the target entity '{target}'; each group of an audience targeting '{target}' needs one.");
        }
    }

    /// <summary>Whether a positive chain from <paramref name="condition"/> reaches the target entity.</summary>
    public static bool Reaches(EntityCondition condition, string target) =>
        !condition.Negate
        && (string.Equals(condition.Entity, target, StringComparison.Ordinal)
            || (condition.Conditions ?? []).Any(n => n is not null && Reaches(n, target)));
}
