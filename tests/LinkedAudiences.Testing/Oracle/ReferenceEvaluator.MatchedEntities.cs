using System.Globalization;
using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Testing.Oracle;

/// <summary>Matched entities: briefing rule 11.</summary>
public sealed partial class ReferenceEvaluator
{
    /// <summary>
    /// Profile target: for each member and each top-level positive entity condition (branch "g.c"), its qualifying rows at
    /// depth 1 under the profile, then recursively the qualifying rows of each nested positive condition under each matched row.
    /// Negated conditions contribute nothing, and neither does anything beneath them.
    /// </summary>
    private List<MatchedEntity> ProfileMatches(AudienceDefinition definition, Evaluation evaluation)
    {
        var members = ProfileMembers(definition, evaluation);
        var rows = new List<MatchedEntity>();
        foreach (var profile in _profiles.Where(p => members.Contains(p.Key!)))
        {
            for (var g = 0; g < definition.Groups.Count; g++)
            {
                var conditions = definition.Groups[g].Conditions;
                for (var c = 0; c < conditions.Count; c++)
                {
                    if (conditions[c] is EntityCondition { Negate: false } entity)
                    {
                        var branch = string.Create(CultureInfo.InvariantCulture, $"{g}.{c}");
                        AddMatches(rows, profile.Key!, entity, branch, depth: 1, Scope.Of(profile), evaluation);
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>
    /// Entity target: for each member t, the nested positive conditions under its group's target condition, evaluated with t
    /// as parent, depth counted from the target's level + 1. They are evaluated in the branch chains that made t a member of
    /// that group, so references to rows above the target read the rows that actually led to t.
    /// </summary>
    private List<MatchedEntity> EntityTargetMatches(AudienceDefinition definition, Evaluation evaluation)
    {
        var rows = new List<MatchedEntity>();
        foreach (var (member, witnesses) in EntityTargetMembers(definition, evaluation))
        {
            foreach (var (g, scope) in witnesses)
            {
                var chain = TargetChain(definition.Groups[g], g, definition.Target.Entity!);
                var targetCondition = chain.Conditions[^1];
                for (var i = 0; i < targetCondition.Conditions.Count; i++)
                {
                    if (!targetCondition.Conditions[i].Negate)
                    {
                        var branch = chain.Branch + "." + i.ToString(CultureInfo.InvariantCulture);
                        AddMatches(rows, member, targetCondition.Conditions[i], branch, chain.Conditions.Count + 1, scope, evaluation);
                    }
                }
            }
        }

        return rows;
    }

    private void AddMatches(
        List<MatchedEntity> rows, string member, EntityCondition condition, string branch, int depth, Scope parent, Evaluation evaluation)
    {
        foreach (var row in Qualifying(condition, parent, evaluation))
        {
            rows.Add(new MatchedEntity(member, branch, depth, condition.Entity, row.Key, parent.Key));
            var scope = parent.Push(row);
            for (var i = 0; i < condition.Conditions.Count; i++)
            {
                if (!condition.Conditions[i].Negate)
                {
                    AddMatches(rows, member, condition.Conditions[i], branch + "." + i.ToString(CultureInfo.InvariantCulture), depth + 1, scope, evaluation);
                }
            }
        }
    }
}
