using System.Collections.Immutable;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Planning;

/// <summary>
/// Resolves a definition against its data graph. The definition is assumed valid (the validator runs first);
/// anything that still does not resolve throws <see cref="InvalidOperationException"/> naming what is missing.
/// </summary>
public static class QueryPlanner
{
    /// <param name="imports">Definitions of audiences referenced in import mode, by key (see <see cref="AudienceReferences"/>).</param>
    public static AudiencePlan Plan(DataGraph graph, AudienceDefinition definition, IReadOnlyDictionary<string, AudienceDefinition> imports)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(imports);
        return PlanAudience(graph, definition, imports, []);
    }

    private static AudiencePlan PlanAudience(
        DataGraph graph, AudienceDefinition definition, IReadOnlyDictionary<string, AudienceDefinition> imports, ImmutableList<string> importing)
    {
        var target = definition.Target.Type == TargetType.Entity
            ? graph.FindEntity(definition.Target.Entity ?? "") ?? throw Unresolved($"The target entity '{definition.Target.Entity}' is not in the data graph.")
            : null;
        var conditions = new ConditionPlanner(graph);
        var groups = new List<PlannedGroup>(definition.Groups.Count);
        for (var g = 0; g < definition.Groups.Count; g++)
        {
            var group = definition.Groups[g];
            var planned = new List<PlannedCondition>(group.Conditions.Count);
            for (var c = 0; c < group.Conditions.Count; c++)
            {
                var branchId = Branch(g, c);
                planned.Add(group.Conditions[c] switch
                {
                    AudienceCondition a => PlanAudienceCondition(graph, a, branchId, imports, importing),
                    var other => conditions.Plan(other, branchId),
                });
            }

            groups.Add(new PlannedGroup
            {
                Index = g,
                Operator = group.Operator,
                Conditions = planned,
                TargetChain = target is null ? [] : TargetChains.Find(planned, target) ?? throw Unresolved(
                    $"Group {g} has no positive entity condition that reaches the target entity '{target.Name}'."),
            });
        }

        return new AudiencePlan { Graph = graph, Definition = definition, TargetEntity = target, GroupOperator = definition.GroupOperator, Groups = groups };
    }

    private static PlannedAudienceCondition PlanAudienceCondition(
        DataGraph graph, AudienceCondition condition, string branchId, IReadOnlyDictionary<string, AudienceDefinition> imports, ImmutableList<string> importing)
    {
        AudiencePlan? imported = null;
        if (condition.Mode == AudienceReferenceMode.Import)
        {
            if (importing.Contains(condition.Audience, StringComparer.Ordinal))
            {
                throw Unresolved($"Audience '{condition.Audience}' imports itself: {string.Join(" → ", importing.Add(condition.Audience))}.");
            }

            if (!imports.TryGetValue(condition.Audience, out var definition))
            {
                throw Unresolved($"The imported audience '{condition.Audience}' was not supplied.");
            }

            if (definition.Target.Type != TargetType.Profile)
            {
                throw Unresolved($"The imported audience '{condition.Audience}' targets entities; only profile audiences can be imported.");
            }

            imported = PlanAudience(graph, definition, imports, importing.Add(condition.Audience));
        }

        return new PlannedAudienceCondition
        {
            BranchId = branchId,
            Negate = condition.Negate,
            AudienceKey = condition.Audience,
            Mode = condition.Mode,
            Imported = imported,
        };
    }

    internal static string Branch(int group, int condition) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{group}.{condition}");

    internal static InvalidOperationException Unresolved(string message) => new(message);
}
