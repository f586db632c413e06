using System.Globalization;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Validation;

/// <summary>An entity condition and its nested branch: entity, relationship, filters, window, count, aggregate, depth.</summary>
internal static class EntityConditionRules
{
    /// <param name="parent">"profile" or the enclosing condition's entity; null when that entity is unknown.</param>
    /// <param name="ancestors">The entities of the branch above this condition, nearest first.</param>
    /// <param name="depth">The level of this condition counting the profile as 1.</param>
    public static void Check(
        GraphIndex graph,
        ValidationErrorList errors,
        EntityCondition condition,
        string path,
        string? parent,
        IReadOnlyList<EntityDefinition> ancestors,
        int depth)
    {
        if (depth == AudienceValidator.MaxDepth + 1)
        {
            // Reported once, at the first level too deep; deeper conditions are still checked for everything else.
            errors.Add(path, ValidationRules.DepthExceeded, string.Create(CultureInfo.InvariantCulture,
                $"Entity conditions can be nested at most {AudienceValidator.MaxDepth} levels deep counting the profile; '{condition.Entity}' is at level {depth}."));
        }

        var entity = CheckEntity(graph, errors, condition, path, parent);
        var branch = entity is null ? ancestors : [entity, .. ancestors];
        var filters = condition.Where?.Filters ?? [];
        var nested = condition.Conditions ?? [];

        if (entity is not null)
        {
            CheckFilters(graph, errors, entity, filters, path.Prop("where").Prop("filters"), ReferenceScope.ForBranch(branch));
        }

        CheckWindow(errors, entity, condition.Window, path.Prop("window"));
        CountRules.Check(errors, condition.Count, path.Prop("count"), filters.Count > 0 || nested.Count > 0, "entity properties or nested entities");
        CheckAggregate(errors, entity, condition.Aggregate, path.Prop("aggregate"));

        for (var i = 0; i < nested.Count; i++)
        {
            var at = path.Prop("conditions").At(i);
            if (nested[i] is null)
            {
                errors.Add(at, ValidationRules.MissingValue, "A nested entity condition cannot be null.");
                continue;
            }

            Check(graph, errors, nested[i], at, entity?.Name, branch, depth + 1);
        }
    }

    private static EntityDefinition? CheckEntity(GraphIndex graph, ValidationErrorList errors, EntityCondition condition, string path, string? parent)
    {
        if (string.IsNullOrEmpty(condition.Entity))
        {
            errors.Add(path.Prop("entity"), ValidationRules.UnknownEntity, "An entity condition must name an entity ('entity').");
            return null;
        }

        var entity = graph.Entity(condition.Entity);
        if (entity is null)
        {
            errors.Add(path.Prop("entity"), ValidationRules.UnknownEntity, $"Entity '{condition.Entity}' does not exist in the data graph.");
            return null;
        }

        if (parent is not null)
        {
            CheckRelationship(graph, errors, condition, path, parent, entity.Name);
        }

        return entity;
    }

    private static void CheckRelationship(GraphIndex graph, ValidationErrorList errors, EntityCondition condition, string path, string parent, string entity)
    {
        if (!string.IsNullOrEmpty(condition.Relationship))
        {
            var r = graph.Relationship(condition.Relationship);
            var problem = r is null ? $"Relationship '{condition.Relationship}' does not exist in the data graph."
                : !string.Equals(r.From, parent, StringComparison.Ordinal) ? $"Relationship '{r.Name}' starts at '{r.From}', not at '{parent}' where this condition is."
                : !string.Equals(r.To, entity, StringComparison.Ordinal) ? $"Relationship '{r.Name}' leads to '{r.To}', not to '{entity}'."
                : null;
            if (problem is not null)
            {
                errors.Add(path.Prop("relationship"), ValidationRules.UnknownRelationship, problem);
            }

            return;
        }

        var candidates = graph.Between(parent, entity);
        if (candidates.Count == 0)
        {
            errors.Add(path.Prop("entity"), ValidationRules.NoRelationship, $"No relationship of the data graph links '{parent}' to '{entity}'.");
        }
        else if (candidates.Count > 1)
        {
            errors.Add(path.Prop("relationship"), ValidationRules.AmbiguousRelationship,
                $"Several relationships link '{parent}' to '{entity}' ({string.Join(", ", candidates.Select(r => r.Name))}); name one in 'relationship'.");
        }
    }

    private static void CheckFilters(GraphIndex graph, ValidationErrorList errors, EntityDefinition entity, IReadOnlyList<PropertyFilter> filters, string path, ReferenceScope scope)
    {
        for (var i = 0; i < filters.Count; i++)
        {
            var at = path.At(i);
            if (filters[i] is not { } filter)
            {
                errors.Add(at, ValidationRules.MissingValue, "A property filter cannot be null.");
                continue;
            }

            var column = GraphIndex.Column(entity, filter.Property);
            if (column is null)
            {
                errors.Add(at.Prop("property"), ValidationRules.UnknownColumn, string.IsNullOrEmpty(filter.Property)
                    ? "A property filter must name a column ('property')."
                    : $"Column '{filter.Property}' does not exist in entity '{entity.Name}'.");
                continue;
            }

            ComparisonRules.Check(graph, errors, at, filter.Operator, filter.Value, filter.Ref, column.Type,
                $"{JsonNames.Of(column.Type)} column '{entity.Name}.{column.Name}'", scope);
        }
    }

    private static void CheckWindow(ValidationErrorList errors, EntityDefinition? entity, RelativeWindow? window, string path)
    {
        if (window is null)
        {
            return;
        }

        if (window.WithinLastDays < 0)
        {
            errors.Add(path.Prop("withinLastDays"), ValidationRules.InvalidWindow, string.Create(CultureInfo.InvariantCulture,
                $"A window counts 0 or more days back from the evaluation time; found {window.WithinLastDays}."));
        }

        if (entity is null)
        {
            return;
        }

        var column = GraphIndex.Column(entity, window.Column);
        if (column is null)
        {
            errors.Add(path.Prop("column"), ValidationRules.UnknownColumn, string.IsNullOrEmpty(window.Column)
                ? "A window must name a DATE or TIMESTAMP column ('column')."
                : $"Column '{window.Column}' does not exist in entity '{entity.Name}'.");
        }
        else if (column.Type is not (DataType.Date or DataType.Timestamp))
        {
            errors.Add(path.Prop("column"), ValidationRules.InvalidWindow,
                $"A window needs a DATE or TIMESTAMP column; '{entity.Name}.{column.Name}' is {JsonNames.Of(column.Type)}.");
        }
    }

    private static void CheckAggregate(ValidationErrorList errors, EntityDefinition? entity, AggregateFilter? aggregate, string path)
    {
        if (aggregate is null)
        {
            return;
        }

        var function = JsonNames.Of(aggregate.Function);
        string subject;
        if (aggregate.Function == AggregateFunction.Count)
        {
            subject = "the count";
            if (!string.IsNullOrEmpty(aggregate.Column))
            {
                errors.Add(path.Prop("column"), ValidationRules.InvalidAggregate,
                    $"The count aggregate takes no column (found '{aggregate.Column}'); remove 'column' or use sum, avg, min or max.");
            }
        }
        else
        {
            subject = $"the {function} of '{entity?.Name}.{aggregate.Column}'";
            if (string.IsNullOrEmpty(aggregate.Column))
            {
                subject = $"the {function}";
                errors.Add(path.Prop("column"), ValidationRules.InvalidAggregate, $"The {function} aggregate needs a NUMBER column ('column').");
            }
            else if (entity is not null)
            {
                var column = GraphIndex.Column(entity, aggregate.Column);
                if (column is null)
                {
                    errors.Add(path.Prop("column"), ValidationRules.UnknownColumn, $"Column '{aggregate.Column}' does not exist in entity '{entity.Name}'.");
                }
                else if (column.Type != DataType.Number)
                {
                    errors.Add(path.Prop("column"), ValidationRules.InvalidAggregate,
                        $"The {function} aggregate needs a NUMBER column; '{entity.Name}.{column.Name}' is {JsonNames.Of(column.Type)}.");
                }
            }
        }

        if (!OperatorRules.Aggregate.Contains(aggregate.Operator))
        {
            errors.Add(path.Prop("operator"), ValidationRules.OperatorNotAllowed,
                $"Operator '{JsonNames.Of(aggregate.Operator)}' is not allowed for {subject}; allowed: {JsonNames.List(OperatorRules.Aggregate)}.");
        }
    }
}
