using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Planning;

/// <summary>Finds a group's target chain (SEMANTICS 9): the first positive top-level entity condition reaching the target, depth first.</summary>
internal static class TargetChains
{
    public static IReadOnlyList<PlannedEntityCondition>? Find(IEnumerable<PlannedCondition> groupConditions, EntityDefinition target)
    {
        foreach (var condition in groupConditions)
        {
            if (condition is PlannedEntityCondition { Negate: false } entity && PathTo(entity, target) is { } path)
            {
                return path;
            }
        }

        return null;
    }

    private static List<PlannedEntityCondition>? PathTo(PlannedEntityCondition condition, EntityDefinition target)
    {
        if (string.Equals(condition.Entity.Name, target.Name, StringComparison.Ordinal))
        {
            return [condition];
        }

        foreach (var child in condition.Conditions)
        {
            if (!child.Negate && PathTo(child, target) is { } path)
            {
                path.Insert(0, condition);
                return path;
            }
        }

        return null;
    }
}
