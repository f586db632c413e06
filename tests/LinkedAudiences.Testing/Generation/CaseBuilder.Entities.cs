using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Testing.Generation;

/// <summary>Entity conditions, their property filters (constants and references), windows, counts and aggregates; entity targets.</summary>
internal sealed partial class CaseBuilder
{
    /// <summary>A random entity condition under <paramref name="parentNode"/>; <paramref name="chain"/> names the entities above it.</summary>
    private EntityCondition EntityCondition(string parentNode, IReadOnlyList<string> chain, int level, int maxDepth)
    {
        var relationship = Pick(model.Outgoing(parentNode));
        var entity = Graph.FindEntity(relationship.To)!;
        List<string> here = [.. chain, entity.Name];

        var count = Chance(0.3) ? RandomCount() : null;
        // The seeds: "When filtering by 0, you can't additionally filter on entity properties or nested entities."
        var bare = count is { Value: 0 };

        var nested = new List<EntityCondition>();
        if (!bare && level < maxDepth && model.Outgoing(entity.Name).Count > 0 && Chance(0.55 - (0.05 * level)))
        {
            for (var n = Few(2); n > 0; n--)
            {
                var child = EntityCondition(entity.Name, here, level + 1, maxDepth);
                nested.Add(Chance(0.2) ? child with { Negate = true } : child);
            }
        }

        return new EntityCondition
        {
            Entity = entity.Name,
            Relationship = model.NeedsRelationshipName(relationship) || Chance(0.5) ? relationship.Name : null,
            Where = !bare && Chance(0.5) ? EntityWhere(entity, here) : null,
            Window = !bare && Chance(0.25) ? EntityWindow(entity) : null,
            Count = count,
            Aggregate = !bare && Chance(0.2) ? RandomAggregate(entity) : null,
            Conditions = nested,
            ConditionsOperator = AnyOperator(),
        };
    }

    private PropertyFilterGroup EntityWhere(EntityDefinition entity, IReadOnlyList<string> chain)
    {
        var filters = new List<PropertyFilter>();
        for (var n = Few(3); n > 0; n--)
        {
            filters.Add(EntityFilter(entity, chain));
        }

        return new PropertyFilterGroup { Operator = AnyOperator(), Filters = filters };
    }

    private PropertyFilter EntityFilter(EntityDefinition entity, IReadOnlyList<string> chain)
    {
        var column = Pick(entity.Columns);
        var op = Pick(Operators(column.Type));
        var references = EntityReferences(entity, column, chain);
        return references.Count > 0 && Chance(0.25)
            ? new PropertyFilter { Property = column.Name, Operator = op, Ref = Pick(references) }
            : new PropertyFilter { Property = column.Name, Operator = op, Value = Constants.Make(random, column.Type, op, Sampler.Column(random, entity, column)) };
    }

    /// <summary>
    /// What a filter on <paramref name="column"/> may reference (SEMANTICS 8): a trait of the same type, or a column of the same type of
    /// this entity or of one above it in the branch. BOOLEAN takes constants only.
    /// </summary>
    private List<ValueReference> EntityReferences(EntityDefinition entity, ColumnDefinition column, IReadOnlyList<string> chain)
    {
        if (column.Type == DataType.Boolean)
        {
            return [];
        }

        var references = TraitReferences(column.Type, except: null);
        foreach (var name in chain.Distinct(StringComparer.Ordinal))
        {
            foreach (var other in Graph.FindEntity(name)!.Columns.Where(c => c.Type == column.Type))
            {
                var isItself = string.Equals(name, entity.Name, StringComparison.Ordinal) && string.Equals(other.Name, column.Name, StringComparison.Ordinal);
                if (!isItself)
                {
                    references.Add(new ValueReference { Entity = name, Column = other.Name });
                }
            }
        }

        return references;
    }

    private List<ValueReference> TraitReferences(DataType type, string? except) =>
        type == DataType.Boolean
            ? []
            : [.. Graph.Profile.Traits
                .Where(t => t.Type == type && !string.Equals(t.Name, except, StringComparison.Ordinal))
                .Select(t => new ValueReference { Trait = t.Name })];

    private RelativeWindow? EntityWindow(EntityDefinition entity)
    {
        var columns = entity.Columns.Where(c => c.Type is DataType.Date or DataType.Timestamp).ToList();
        return columns.Count == 0 ? null : new RelativeWindow { Column = Pick(columns).Name, WithinLastDays = WindowDays() };
    }

    private AggregateFilter RandomAggregate(EntityDefinition entity)
    {
        var numbers = entity.Columns.Where(c => c.Type == DataType.Number).ToList();
        var function = numbers.Count == 0
            ? AggregateFunction.Count
            : Pick([AggregateFunction.Count, AggregateFunction.Sum, AggregateFunction.Avg, AggregateFunction.Min, AggregateFunction.Max]);
        var column = function == AggregateFunction.Count ? null : Pick(numbers);

        // An average is the one aggregate warehouses compute in floating point; equality on it would test rounding, not semantics.
        var operators = function == AggregateFunction.Avg
            ? [ComparisonOperator.LessThan, ComparisonOperator.GreaterThan, ComparisonOperator.LessThanOrEqual, ComparisonOperator.GreaterThanOrEqual]
            : Operators(DataType.Number);
        var sampled = column is null ? null : Sampler.Column(random, entity, column);
        return new AggregateFilter
        {
            Function = function,
            Column = column?.Name,
            Operator = Pick(operators),
            Value = Constants.AggregateNumber(random, function, sampled),
        };
    }

    /// <summary>
    /// An entity-target audience: every group starts with a positive chain down a path from the profile to the target (so the
    /// target is reachable in every group), and adds other conditions with AND; part of audience is not allowed.
    /// </summary>
    private AudienceDefinition EntityTargetDefinition()
    {
        var path = Pick(model.TargetPaths);
        var groups = new List<ConditionGroup>();
        for (var g = Few(2); g > 0; g--)
        {
            var conditions = new List<Condition> { ChainCondition(path, 0, [], level: 2) };
            for (var extra = Few(3) - 1; extra > 0; extra--)
            {
                conditions.Add(TopCondition(allowAudiences: false, RandomDefinitionGenerator.MaxDepth));
            }

            groups.Add(new ConditionGroup { Operator = LogicalOperator.And, Conditions = conditions });
        }

        return new AudienceDefinition
        {
            Target = new AudienceTarget { Type = TargetType.Entity, Entity = path[^1].To },
            GroupOperator = AnyOperator(),
            Groups = groups,
        };
    }

    /// <summary>The condition at <paramref name="index"/> of a target path: positive, never counting 0, continued first by the next level.</summary>
    private EntityCondition ChainCondition(IReadOnlyList<Relationship> path, int index, IReadOnlyList<string> chain, int level)
    {
        var relationship = path[index];
        var entity = Graph.FindEntity(relationship.To)!;
        List<string> here = [.. chain, entity.Name];
        var isTarget = index == path.Count - 1;

        var nested = new List<EntityCondition>();
        if (!isTarget)
        {
            nested.Add(ChainCondition(path, index + 1, here, level + 1));
        }

        // Sibling branches beside the chain, and under the target the branches its matched entities come from.
        if (level < RandomDefinitionGenerator.MaxDepth && model.Outgoing(entity.Name).Count > 0 && Chance(isTarget ? 0.45 : 0.25))
        {
            for (var n = Few(2); n > 0; n--)
            {
                var child = EntityCondition(entity.Name, here, level + 1, RandomDefinitionGenerator.MaxDepth);
                nested.Add(Chance(0.2) ? child with { Negate = true } : child);
            }
        }

        return new EntityCondition
        {
            Entity = entity.Name,
            Relationship = model.NeedsRelationshipName(relationship) || Chance(0.5) ? relationship.Name : null,
            Where = Chance(0.4) ? EntityWhere(entity, here) : null,
            Window = Chance(0.2) ? EntityWindow(entity) : null,
            Count = Chance(0.2) ? new CountFilter { Operator = CountOperator.AtLeast, Value = random.Next(1, 3) } : null,
            Aggregate = Chance(0.1) ? RandomAggregate(entity) : null,
            Conditions = nested,
            // The chain continues through every level, so the levels above the target combine their nested conditions with AND.
            ConditionsOperator = isTarget ? AnyOperator() : LogicalOperator.And,
        };
    }
}
