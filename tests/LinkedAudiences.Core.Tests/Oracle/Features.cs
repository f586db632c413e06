using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Core.Tests.Oracle;

/// <summary>Names the options a definition uses, to check the generator reaches every one of them.</summary>
internal static class Features
{
    public static readonly string[] Expected =
    [
        "target:profile", "target:entity", "groups:and", "groups:or", "group:and", "group:or",
        "entity", "trait", "event", "audience:import", "audience:membership",
        "negate:entity", "negate:trait", "negate:event", "negate:audience", "negate:nested",
        "level:2", "level:3", "level:4", "siblings:and", "siblings:or",
        "where:and", "where:or", "ref:trait", "ref:self", "ref:ancestor",
        "count:atLeast", "count:exactly", "count:atMost", "count:0",
        "aggregate:count", "aggregate:sum", "aggregate:avg", "aggregate:min", "aggregate:max", "aggregate+count",
        "window:Date", "window:Timestamp",
        "trait:present", "trait:nested", "trait:ref",
        "event:where", "event:context", "event:ref", "event:count", "event:count:0", "event:days", "event:between",
        .. Enum.GetNames<ComparisonOperator>().Select(o => "op:" + o),
    ];

    public static void Collect(AudienceDefinition definition, HashSet<string> seen)
    {
        seen.Add("target:" + definition.Target.Type.ToString().ToLowerInvariant());
        seen.Add("groups:" + definition.GroupOperator.ToString().ToLowerInvariant());
        foreach (var group in definition.Groups)
        {
            seen.Add("group:" + group.Operator.ToString().ToLowerInvariant());
            foreach (var condition in group.Conditions)
            {
                Condition(condition, seen, level: 2, chain: []);
            }
        }
    }

    private static void Condition(Condition condition, HashSet<string> seen, int level, IReadOnlyList<string> chain)
    {
        switch (condition)
        {
            case EntityCondition entity:
                Entity(entity, seen, level, chain);
                break;
            case TraitCondition trait:
                seen.Add("trait");
                Add(seen, condition.Negate, "negate:trait");
                Add(seen, trait.Operator is null, "trait:present");
                Add(seen, trait.Trait.Contains('.', StringComparison.Ordinal) || trait.Trait is "last_seen_at" or "favorite_color", "trait:nested");
                Add(seen, trait.Ref is not null, "trait:ref");
                if (trait.Operator is { } op)
                {
                    seen.Add("op:" + op);
                }

                break;
            case EventCondition @event:
                seen.Add("event");
                Add(seen, condition.Negate, "negate:event");
                Add(seen, @event.Where is not null, "event:where");
                Add(seen, @event.Where?.Filters.Any(f => f.Property.StartsWith("context.", StringComparison.Ordinal)) == true, "event:context");
                Add(seen, @event.Where?.Filters.Any(f => f.Ref is not null) == true, "event:ref");
                Add(seen, @event.Count is not null, "event:count");
                Add(seen, @event.Count is { Value: 0 }, "event:count:0");
                Add(seen, @event.Window?.WithinLastDays is not null, "event:days");
                Add(seen, @event.Window?.From is not null, "event:between");
                Filters(@event.Where, seen);
                break;
            case AudienceCondition audience:
                seen.Add("audience:" + audience.Mode.ToString().ToLowerInvariant());
                Add(seen, condition.Negate, "negate:audience");
                break;
        }
    }

    private static void Entity(EntityCondition entity, HashSet<string> seen, int level, IReadOnlyList<string> chain)
    {
        seen.Add("entity");
        seen.Add("level:" + level);
        Add(seen, entity.Negate, level == 2 ? "negate:entity" : "negate:nested");
        Add(seen, entity.Conditions.Count > 1, "siblings:" + entity.ConditionsOperator.ToString().ToLowerInvariant());
        if (entity.Where is { } where)
        {
            seen.Add("where:" + where.Operator.ToString().ToLowerInvariant());
            foreach (var filter in where.Filters)
            {
                Add(seen, filter.Ref?.Trait is not null, "ref:trait");
                Add(seen, filter.Ref?.Entity is { } e && string.Equals(e, entity.Entity, StringComparison.Ordinal), "ref:self");
                Add(seen, filter.Ref?.Entity is { } a && !string.Equals(a, entity.Entity, StringComparison.Ordinal) && chain.Contains(a), "ref:ancestor");
            }
        }

        Filters(entity.Where, seen);
        if (entity.Count is { } count)
        {
            seen.Add("count:" + char.ToLowerInvariant(count.Operator.ToString()[0]) + count.Operator.ToString()[1..]);
            Add(seen, count.Value == 0, "count:0");
        }

        if (entity.Aggregate is { } aggregate)
        {
            seen.Add("aggregate:" + aggregate.Function.ToString().ToLowerInvariant());
            seen.Add("op:" + aggregate.Operator);
            Add(seen, entity.Count is not null, "aggregate+count");
        }

        if (entity.Window is { } window)
        {
            var type = OracleTestGraph.Graph.FindEntity(entity.Entity)!.FindColumn(window.Column)!.Type;
            seen.Add("window:" + type);
        }

        List<string> here = [.. chain, entity.Entity];
        foreach (var nested in entity.Conditions)
        {
            Condition(nested, seen, level + 1, here);
        }
    }

    private static void Filters(PropertyFilterGroup? where, HashSet<string> seen)
    {
        foreach (var filter in where?.Filters ?? [])
        {
            seen.Add("op:" + filter.Operator);
        }
    }

    private static void Add(HashSet<string> seen, bool condition, string feature)
    {
        if (condition)
        {
            seen.Add(feature);
        }
    }
}
