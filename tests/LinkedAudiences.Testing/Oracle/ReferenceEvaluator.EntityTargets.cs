using System.Globalization;
using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Testing.Oracle;

/// <summary>Entity targets: briefing rule 9.</summary>
public sealed partial class ReferenceEvaluator
{
    /// <summary>
    /// Members of an entity-target audience, each with the branch chains (group, chain ending at the member's row) that
    /// witnessed it in the groups it belongs to; the matched entities of rule 11 hang under those chains.
    /// </summary>
    private Dictionary<string, List<(int Group, Scope Chain)>> EntityTargetMembers(AudienceDefinition definition, Evaluation evaluation)
    {
        RequireGroups(definition);
        var target = definition.Target.Entity ?? throw new InvalidOperationException("An entity target names no entity.");
        FindEntity(target);

        var perGroup = new List<Dictionary<string, List<Scope>>>();
        for (var g = 0; g < definition.Groups.Count; g++)
        {
            perGroup.Add(GroupTargetMembers(definition.Groups[g], g, target, evaluation));
        }

        // Audience = union (or) / intersection (and) of the groups' member sets.
        var keys = definition.GroupOperator == LogicalOperator.Or
            ? perGroup.SelectMany(m => m.Keys).ToHashSet(StringComparer.Ordinal)
            : perGroup.Skip(1).Aggregate(perGroup[0].Keys.ToHashSet(StringComparer.Ordinal), (acc, m) => { acc.IntersectWith(m.Keys); return acc; });

        var members = new Dictionary<string, List<(int, Scope)>>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            members[key] = [.. perGroup.SelectMany((m, g) => m.GetValueOrDefault(key, []).Select(s => (g, s)))];
        }

        return members;
    }

    /// <summary>
    /// Group members = { t : some profile p and rows e1..ek = t along the group's target chain, e1 ∈ qualifying_C1(p),
    /// e(i+1) ∈ qualifying_C(i+1)(e(i)), and every condition of the group holds for p }. AND is enforced inside the group.
    /// </summary>
    private Dictionary<string, List<Scope>> GroupTargetMembers(ConditionGroup group, int groupIndex, string target, Evaluation evaluation)
    {
        if (group.Operator != LogicalOperator.And)
        {
            throw new InvalidOperationException("Groups of an entity-target audience combine their conditions with AND.");
        }

        if (group.Conditions.Any(c => c is AudienceCondition))
        {
            throw new InvalidOperationException("Part of audience is not allowed on entity targets.");
        }

        var chain = TargetChain(group, groupIndex, target);
        var members = new Dictionary<string, List<Scope>>(StringComparer.Ordinal);
        foreach (var profile in _profiles)
        {
            var root = Scope.Of(profile);
            if (!group.Conditions.All(c => ConditionHolds(c, root, evaluation)))
            {
                continue;
            }

            // Walk the chain level by level; each surviving scope ends at a row reached through qualifying rows only.
            var frontier = new List<Scope> { root };
            foreach (var condition in chain.Conditions)
            {
                frontier = [.. frontier.SelectMany(s => Qualifying(condition, s, evaluation).Select(s.Push))];
            }

            foreach (var scope in frontier)
            {
                if (!members.TryGetValue(scope.Key, out var witnesses))
                {
                    witnesses = [];
                    members[scope.Key] = witnesses;
                }

                witnesses.Add(scope);
            }
        }

        return members;
    }

    /// <summary>
    /// The group's target condition: the first top-level positive entity condition whose chain reaches the target; below it,
    /// depth-first and in order, the first nested positive condition that reaches it, until a condition on the target itself.
    /// </summary>
    private static TargetChainPath TargetChain(ConditionGroup group, int groupIndex, string target)
    {
        for (var c = 0; c < group.Conditions.Count; c++)
        {
            if (group.Conditions[c] is EntityCondition { Negate: false } entity && Reaches(entity, target))
            {
                var conditions = new List<EntityCondition>();
                var branch = string.Create(CultureInfo.InvariantCulture, $"{groupIndex}.{c}");
                var current = entity;
                conditions.Add(current);
                while (!string.Equals(current.Entity, target, StringComparison.Ordinal))
                {
                    var next = current.Conditions.Select((n, i) => (n, i)).First(x => !x.n.Negate && Reaches(x.n, target));
                    branch += "." + next.i.ToString(CultureInfo.InvariantCulture);
                    current = next.n;
                    conditions.Add(current);
                }

                return new TargetChainPath(conditions, branch);
            }
        }

        throw new InvalidOperationException($"Group {groupIndex} has no positive entity condition reaching the target {target}.");
    }

    private static bool Reaches(EntityCondition condition, string target) =>
        string.Equals(condition.Entity, target, StringComparison.Ordinal)
        || condition.Conditions.Any(n => !n.Negate && Reaches(n, target));

    /// <summary>The chain C1..Ck from the top level down to the condition on the target, and Ck's branch id.</summary>
    private sealed record TargetChainPath(IReadOnlyList<EntityCondition> Conditions, string Branch);
}
