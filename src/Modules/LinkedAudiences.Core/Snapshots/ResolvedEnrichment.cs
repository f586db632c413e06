using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Planning;
using LinkedAudiences.Core.Runs;

namespace LinkedAudiences.Core.Snapshots;

/// <summary>An <see cref="EnrichmentSpec"/> with every name resolved against the audience's plan.</summary>
internal sealed record ResolvedEnrichment(IReadOnlyList<TraitDefinition> Traits, IReadOnlyList<EnrichedEntity> Entities)
{
    public bool IsEmpty => Traits.Count == 0 && Entities.Count == 0;

    /// <exception cref="SnapshotException">A name the plan does not know, or an entity the audience does not match.</exception>
    public static ResolvedEnrichment Resolve(EnrichmentSpec spec, AudiencePlan plan)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<string>();
        var traits = new List<TraitDefinition>();
        foreach (var name in spec.Traits.Distinct(StringComparer.Ordinal))
        {
            if (plan.Graph.FindTrait(name) is { } trait)
            {
                traits.Add(trait);
            }
            else
            {
                problems.Add($"trait '{name}' is not in the data graph");
            }
        }

        var matched = MatchedEntityNames(plan);
        var entities = new List<EnrichedEntity>();
        foreach (var wanted in spec.Entities.Where(e => e.Columns.Count > 0))
        {
            var entity = plan.Graph.FindEntity(wanted.Entity);
            var isTarget = entity is not null && plan.TargetEntity is { } target && string.Equals(target.Name, entity.Name, StringComparison.Ordinal);
            if (entity is null || (!isTarget && !matched.Contains(entity.Name)))
            {
                problems.Add($"entity '{wanted.Entity}' is not matched by the audience");
                continue;
            }

            if (entities.Any(e => string.Equals(e.Entity.Name, entity.Name, StringComparison.Ordinal)))
            {
                problems.Add($"entity '{wanted.Entity}' is listed twice");
                continue;
            }

            var columns = new List<ColumnDefinition>();
            foreach (var name in wanted.Columns.Distinct(StringComparer.Ordinal))
            {
                if (entity.FindColumn(name) is { } column)
                {
                    columns.Add(column);
                }
                else
                {
                    problems.Add($"column '{name}' is not a column of entity '{entity.Name}'");
                }
            }

            entities.Add(new EnrichedEntity(entity, columns, isTarget));
        }

        return problems.Count == 0
            ? new ResolvedEnrichment(traits, entities)
            : throw new SnapshotException("The enrichment does not fit the audience: " + string.Join("; ", problems) + ".");
    }

    /// <summary>The entities whose rows a snapshot records (SEMANTICS 11: positive conditions of the branches).</summary>
    private static HashSet<string> MatchedEntityNames(AudiencePlan plan)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in plan.Groups)
        {
            IEnumerable<PlannedEntityCondition> roots = plan.TargetsProfiles
                ? group.Conditions.OfType<PlannedEntityCondition>()
                : group.TargetChain.Count > 0 ? group.TargetChain[^1].Conditions : [];
            foreach (var root in roots.Where(c => !c.Negate))
            {
                Collect(root, names);
            }
        }

        return names;
    }

    private static void Collect(PlannedEntityCondition condition, HashSet<string> names)
    {
        names.Add(condition.Entity.Name);
        foreach (var child in condition.Conditions.Where(c => !c.Negate))
        {
            Collect(child, names);
        }
    }
}

/// <summary>An entity's wanted columns; <see cref="IsTarget"/> when its rows are the audience's members themselves.</summary>
internal sealed record EnrichedEntity(EntityDefinition Entity, IReadOnlyList<ColumnDefinition> Columns, bool IsTarget);
