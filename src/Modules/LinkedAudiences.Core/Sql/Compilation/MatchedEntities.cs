using System.Globalization;
using LinkedAudiences.Core.Planning;

namespace LinkedAudiences.Core.Sql.Compilation;

/// <summary>
/// The matched-entities query (SEMANTICS 11) over a members CTE: one SELECT per positive entity condition of a
/// branch, joining down the branch, UNION ALL. Rows: member_key, branch, depth, entity, entity_key, parent_key.
/// </summary>
internal sealed class MatchedEntities(CompileContext context, Conditions conditions, Members members)
{
    public const string MembersCte = "la_members";
    private const string M = "m";

    /// <summary>The branch selects, to follow "WITH la_members AS (...)".</summary>
    public string Branches(AudiencePlan plan)
    {
        var selects = new List<string>();
        foreach (var group in plan.Groups)
        {
            if (plan.TargetsProfiles)
            {
                foreach (var top in group.Conditions.OfType<PlannedEntityCondition>().Where(c => !c.Negate))
                {
                    Walk(top, ProfileBase(), selects);
                }
            }
            else
            {
                // Entity targets: below the target row, reached through this group's chain.
                var chain = members.TargetChain(group);
                var start = new Start(
                    chain.From + $"\nJOIN {MembersCte} AS {M} ON {M}.member_key = {chain.TargetKey}",
                    chain.Scope,
                    chain.Predicates,
                    chain.TargetKey,
                    null);
                foreach (var child in group.TargetChain[^1].Conditions.Where(c => !c.Negate))
                {
                    Walk(child, start, selects);
                }
            }
        }

        return selects.Count > 0
            ? string.Join("\nUNION ALL\n", selects)
            : SqlText.Select(
                $"{M}.member_key, {Null()} AS branch, CAST(NULL AS INTEGER) AS depth, {Null()} AS entity, {Null()} AS entity_key, {Null()} AS parent_key",
                $"{MembersCte} AS {M}",
                [context.Dialect.BooleanLiteral(false)]);
    }

    private Start ProfileBase()
    {
        var profile = Members.ProfileAlias;
        var key = conditions.ProfileKey(profile);
        return new Start(
            $"{conditions.ProfileTable} AS {profile}\nJOIN {MembersCte} AS {M} ON {M}.member_key = {key}",
            Scope.ForProfile(profile),
            [],
            key,
            null);
    }

    /// <summary>Emits the rows of <paramref name="condition"/> under the rows <paramref name="start"/> reaches, then its positive children.</summary>
    private void Walk(PlannedEntityCondition condition, Start start, List<string> selects)
    {
        var alias = context.Alias("e");
        var from = start.From + conditions.Entities.Join(condition, start.Scope.Parent, alias);
        var scope = start.Scope.Enter(alias);
        var key = context.Dialect.CastToText(context.Column(alias, condition.Entity.PrimaryKey));

        // Rows of the parent level must still qualify with their own nested conditions: finish them now that
        // the child the walk joins to is known (it is left out when the join proves it).
        List<string> predicates = [.. start.Predicates];
        if (start.Pending is { } parent)
        {
            predicates.AddRange(conditions.Entities.RowPredicates(parent, start.Scope, condition));
        }

        var own = conditions.Entities.RowPredicates(condition, scope, chainChild: null);
        var select = string.Join(", ",
            $"{M}.member_key",
            context.TextParameter(condition.BranchId) + " AS branch",
            condition.Depth.ToString(CultureInfo.InvariantCulture) + " AS depth",
            context.TextParameter(condition.Entity.Name) + " AS entity",
            key + " AS entity_key",
            start.ParentKey + " AS parent_key");
        selects.Add(SqlText.Select("DISTINCT " + select, from, [.. predicates, .. own]));

        foreach (var child in condition.Conditions.Where(c => !c.Negate))
        {
            Walk(child, new Start(from, scope, predicates, key, condition), selects);
        }
    }

    private string Null() => $"CAST(NULL AS {context.Dialect.TextType})";

    /// <summary>
    /// Where a walk stands: joins so far, aliases, predicates of the rows above, the key of the current parent row,
    /// and the parent condition whose row predicates still wait for the child being joined.
    /// </summary>
    private sealed record Start(string From, Scope Scope, List<string> Predicates, string ParentKey, PlannedEntityCondition? Pending);
}
