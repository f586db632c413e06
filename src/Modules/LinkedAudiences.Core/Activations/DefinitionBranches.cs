using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Core.Activations;

/// <summary>
/// The entities an activation may trigger on or enrich from: those of the definition's branches (positive entity
/// conditions and their positive nested ones, SEMANTICS 11), and the target entity of an entity-target audience.
/// </summary>
public static class DefinitionBranches
{
    public static IReadOnlySet<string> Entities(AudienceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (definition.Target is { Type: TargetType.Entity, Entity: { } target })
        {
            names.Add(target);
        }

        foreach (var condition in definition.Groups.SelectMany(g => g.Conditions).OfType<EntityCondition>().Where(c => !c.Negate))
        {
            Collect(condition, names);
        }

        return names;
    }

    private static void Collect(EntityCondition condition, HashSet<string> names)
    {
        names.Add(condition.Entity);
        foreach (var child in condition.Conditions.Where(c => !c.Negate))
        {
            Collect(child, names);
        }
    }
}
