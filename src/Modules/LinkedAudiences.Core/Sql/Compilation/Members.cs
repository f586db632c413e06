using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Planning;

namespace LinkedAudiences.Core.Sql.Compilation;

/// <summary>
/// The members query: one VARCHAR column member_key, one row per member. Profiles: the profiles passing the
/// audience predicate. Entity targets (SEMANTICS 9): per group, the target rows reached along the group's target
/// chain from a profile passing every condition of the group; the groups' sets combined with UNION / INTERSECT.
/// </summary>
internal sealed class Members(CompileContext context, Conditions conditions)
{
    public const string ProfileAlias = "p";

    public string Query(AudiencePlan plan)
    {
        if (plan.TargetsProfiles)
        {
            return SqlText.Select(
                "DISTINCT " + conditions.ProfileKey(ProfileAlias) + " AS member_key",
                conditions.ProfileTable + " AS " + ProfileAlias,
                [conditions.Audience(plan, Scope.ForProfile(ProfileAlias))]);
        }

        var setOperator = plan.GroupOperator == LogicalOperator.And ? "\nINTERSECT\n" : "\nUNION\n";
        return string.Join(setOperator, plan.Groups.Select(g =>
        {
            var chain = TargetChain(g);
            return SqlText.Select("DISTINCT " + chain.TargetKey + " AS member_key", chain.From, chain.Predicates);
        }));
    }

    /// <summary>
    /// FROM profiles JOIN ... down the group's target chain, with what every row of the chain must satisfy and the
    /// group's conditions on the profile (ANDed: a target condition is always ANDed with the rest of its group).
    /// </summary>
    public JoinedChain TargetChain(PlannedGroup group)
    {
        var chain = group.TargetChain;
        var from = conditions.ProfileTable + " AS " + ProfileAlias;
        var scope = Scope.ForProfile(ProfileAlias);
        var predicates = new List<string>();
        for (var i = 0; i < chain.Count; i++)
        {
            var alias = context.Alias("e");
            from += conditions.Entities.Join(chain[i], scope.Parent, alias);
            scope = scope.Enter(alias);
            predicates.AddRange(conditions.Entities.RowPredicates(chain[i], scope, i + 1 < chain.Count ? chain[i + 1] : null));
        }

        foreach (var condition in group.Conditions)
        {
            // The chain's joins already prove its top condition when that only asks for existence.
            if (!(ReferenceEquals(condition, chain[0]) && chain[0].IsPlainExistence))
            {
                predicates.Add(conditions.Condition(condition, Scope.ForProfile(ProfileAlias)));
            }
        }

        var target = chain[^1].Entity;
        return new JoinedChain(from, scope, predicates, context.Dialect.CastToText(context.Column(scope.Parent, target.PrimaryKey)));
    }
}

/// <summary>A FROM clause joining a chain of entity rows, its scope (aliases by depth) and its predicates.</summary>
internal sealed record JoinedChain(string From, Scope Scope, List<string> Predicates, string TargetKey);
