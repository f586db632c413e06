using System.Globalization;
using System.Text.Json;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using static LinkedAudiences.Core.Planning.QueryPlanner;

namespace LinkedAudiences.Core.Planning;

/// <summary>Resolves trait, event and entity conditions (audience conditions need the imports: see <see cref="QueryPlanner"/>).</summary>
internal sealed class ConditionPlanner(DataGraph graph)
{
    public PlannedCondition Plan(Condition condition, string branchId) => condition switch
    {
        EntityCondition e => PlanEntity(e, branchId, parent: null, ancestors: []),
        TraitCondition t => PlanTrait(t, branchId),
        EventCondition e => PlanEvent(e, branchId),
        _ => throw Unresolved($"Condition kind {condition.GetType().Name} is not planned here."),
    };

    private PlannedTraitCondition PlanTrait(TraitCondition condition, string branchId)
    {
        var trait = Trait(condition.Trait);
        PlannedOperand? value = null;
        if (condition.Operator is not null)
        {
            value = condition.Ref is { } reference
                ? new TraitOperand(Trait(reference.Trait ?? throw Unresolved($"Trait condition '{condition.Trait}' references something other than a trait.")))
                : Constant(trait.Type, condition.Value, $"trait '{trait.Name}'");
        }

        return new PlannedTraitCondition
        {
            BranchId = branchId,
            Negate = condition.Negate,
            Source = condition,
            Trait = trait,
            Operator = condition.Operator,
            Value = value,
        };
    }

    private PlannedEventCondition PlanEvent(EventCondition condition, string branchId)
    {
        var events = graph.Events ?? throw Unresolved("The data graph has no events source.");
        return new PlannedEventCondition
        {
            BranchId = branchId,
            Negate = condition.Negate,
            Source = condition,
            Events = events,
            EventName = condition.Event,
            Where = Filters(condition.Where, property =>
            {
                var found = events.FindProperty(property) ?? throw Unresolved($"Event property '{property}' is not in the data graph.");
                return new EventPropertyOperand(found.Definition, found.IsContext);
            }, chain: []),
            Window = condition.Window,
            Count = condition.Count,
        };
    }

    private PlannedEntityCondition PlanEntity(EntityCondition condition, string branchId, EntityDefinition? parent, IReadOnlyList<EntityScope> ancestors)
    {
        var entity = Entity(condition.Entity);
        var relationship = Relationship(condition, parent?.Name ?? DataGraph.ProfileNode);
        var depth = ancestors.Count + 1;
        var self = new EntityScope(entity, branchId, depth);
        IReadOnlyList<EntityScope> chain = [.. ancestors, self];

        var nested = new List<PlannedEntityCondition>(condition.Conditions.Count);
        for (var i = 0; i < condition.Conditions.Count; i++)
        {
            var childId = string.Create(CultureInfo.InvariantCulture, $"{branchId}.{i}");
            nested.Add(PlanEntity(condition.Conditions[i], childId, entity, chain));
        }

        return new PlannedEntityCondition
        {
            BranchId = branchId,
            Negate = condition.Negate,
            Source = condition,
            Entity = entity,
            Relationship = relationship,
            Link = Link(relationship, parent, entity),
            ParentEntity = parent,
            Depth = depth,
            Ancestors = ancestors,
            Where = Filters(condition.Where, property => new EntityColumnOperand(self, Column(entity, property)), chain),
            Window = condition.Window is { } w ? new PlannedWindow(Column(entity, w.Column), w.WithinLastDays) : null,
            Count = condition.Count,
            Aggregate = condition.Aggregate is { } a
                ? new PlannedAggregate(a.Function, a.Function == AggregateFunction.Count ? null : Column(entity, a.Column ?? ""), a.Operator, a.Value)
                : null,
            Conditions = nested,
            ConditionsOperator = condition.ConditionsOperator,
        };
    }

    private PlannedFilterGroup? Filters(PropertyFilterGroup? group, Func<string, PlannedOperand> property, IReadOnlyList<EntityScope> chain)
    {
        if (group is null)
        {
            return null;
        }

        var filters = group.Filters.Select(f =>
        {
            var left = property(f.Property);
            var right = f.Ref is { } reference ? Reference(reference, chain) : Constant(left.Type, f.Value, $"property '{f.Property}'");
            return new PlannedFilter(left, f.Operator, right);
        }).ToList();
        return new PlannedFilterGroup(group.Operator, filters);
    }

    /// <summary>A dynamic reference: a trait, or a column of the nearest row of the named entity in the branch (self first).</summary>
    private PlannedOperand Reference(ValueReference reference, IReadOnlyList<EntityScope> chain)
    {
        if (reference.Trait is { } trait)
        {
            return new TraitOperand(Trait(trait));
        }

        var scope = chain.LastOrDefault(s => string.Equals(s.Entity.Name, reference.Entity, StringComparison.Ordinal))
            ?? throw Unresolved($"The reference to entity '{reference.Entity}' does not name an entity of this branch.");
        return new EntityColumnOperand(scope, Column(scope.Entity, reference.Column ?? ""));
    }

    private static ConstantOperand Constant(DataType type, JsonElement? value, string what)
    {
        if (value is not { } json || !TypedValue.TryConvert(type, json, out var converted))
        {
            throw Unresolved($"The value {value?.GetRawText() ?? "(none)"} for {what} is not {TypedValue.Describe(type)}.");
        }

        return new ConstantOperand(type, converted);
    }

    private Relationship Relationship(EntityCondition condition, string parent)
    {
        if (condition.Relationship is { } name)
        {
            var named = graph.FindRelationship(name) ?? throw Unresolved($"Relationship '{name}' is not in the data graph.");
            return string.Equals(named.From, parent, StringComparison.Ordinal) && string.Equals(named.To, condition.Entity, StringComparison.Ordinal)
                ? named
                : throw Unresolved($"Relationship '{name}' links {named.From} to {named.To}, not {parent} to {condition.Entity}.");
        }

        var candidates = graph.RelationshipsBetween(parent, condition.Entity).Take(2).ToList();
        return candidates.Count == 1
            ? candidates[0]
            : throw Unresolved(candidates.Count == 0
                ? $"No relationship links {parent} to {condition.Entity}."
                : $"Several relationships link {parent} to {condition.Entity}; the condition must name one.");
    }

    private PlannedLink Link(Relationship relationship, EntityDefinition? parent, EntityDefinition child)
    {
        if (relationship.Join is { } join && relationship.Junction is null)
        {
            return new PlannedLink { ParentColumn = join.FromColumn, ChildColumn = join.ToColumn };
        }

        if (relationship.Junction is { } junction && relationship.Join is null)
        {
            return new PlannedLink
            {
                ParentColumn = junction.FromKey ?? parent?.PrimaryKey ?? graph.Profile.IdColumn,
                ChildColumn = junction.ToKey ?? child.PrimaryKey,
                Junction = new PlannedJunction(junction.Schema, junction.Table, junction.FromColumn, junction.ToColumn),
            };
        }

        throw Unresolved($"Relationship '{relationship.Name}' must have exactly one of join and junction.");
    }

    private EntityDefinition Entity(string name) =>
        graph.FindEntity(name) ?? throw Unresolved($"Entity '{name}' is not in the data graph.");

    private TraitDefinition Trait(string name)
    {
        var trait = graph.FindTrait(name) ?? throw Unresolved($"Trait '{name}' is not in the data graph.");
        if ((trait.Column is null) == (trait.Path is null))
        {
            throw Unresolved($"Trait '{name}' must have exactly one of column and path.");
        }

        return trait.Path is not null && graph.Profile.TraitsColumn is null
            ? throw Unresolved($"Trait '{name}' has a path but the profile source has no traits column.")
            : trait;
    }

    private static ColumnDefinition Column(EntityDefinition entity, string name) =>
        entity.FindColumn(name) ?? throw Unresolved($"Column '{name}' is not a column of entity '{entity.Name}'.");
}
