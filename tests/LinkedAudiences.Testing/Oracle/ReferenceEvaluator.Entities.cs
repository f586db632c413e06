using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Testing.Oracle;

/// <summary>Entity conditions: briefing rule 4 (related, qualifying, counts, aggregates, windows).</summary>
public sealed partial class ReferenceEvaluator
{
    /// <summary>The un-negated result of an entity condition at one parent row (rule 4; negation is applied by the caller).</summary>
    private bool EntityConditionHolds(EntityCondition condition, Scope parent, Evaluation evaluation)
    {
        var qualifying = Qualifying(condition, parent, evaluation);
        var n = qualifying.Count;

        // Neither count nor aggregate: "with entity" means at least one qualifying row.
        if (condition.Count is null && condition.Aggregate is null)
        {
            return n >= 1;
        }

        // Only an aggregate: it alone decides. Both: both must hold.
        var holds = true;
        if (condition.Count is { } count)
        {
            holds &= CountHolds(count, n);
        }

        if (condition.Aggregate is { } aggregate)
        {
            holds &= AggregateHolds(aggregate, condition, qualifying);
        }

        return holds;
    }

    /// <summary>
    /// qualifying(r) = { e in related(r) : where(e) AND window(e) AND nested(e) } — counts and aggregates look only at
    /// these rows (SEMANTICS 3 and 7: filters, window and nested conditions all narrow the set first).
    /// </summary>
    private List<EntityRow> Qualifying(EntityCondition condition, Scope parent, Evaluation evaluation)
    {
        var entity = FindEntity(condition.Entity);
        var qualifying = new List<EntityRow>();
        foreach (var row in Related(condition, parent, entity))
        {
            // The row joins the branch chain before its own filters run: rule 5 lets them reference the row itself.
            var scope = parent.Push(row);
            if (WhereHolds(condition.Where, scope) && WindowHolds(condition.Window, row, evaluation) && NestedHold(condition, scope, evaluation))
            {
                qualifying.Add(row);
            }
        }

        return qualifying;
    }

    /// <summary>
    /// SEMANTICS 4: nested conditions are about the same row e (they are evaluated with e as their parent), combined by
    /// conditionsOperator; no nested conditions → true.
    /// </summary>
    private bool NestedHold(EntityCondition condition, Scope scope, Evaluation evaluation) =>
        condition.Conditions.Count == 0
        || Combine(condition.ConditionsOperator, condition.Conditions, c => ConditionHolds(c, scope, evaluation));

    /// <summary>
    /// related(r). Join: e[toColumn] = r[fromColumn], null never matching. Junction: some junction row links r's key to e's key;
    /// e is counted once however many junction rows repeat the link.
    /// </summary>
    private List<EntityRow> Related(EntityCondition condition, Scope parent, EntityDefinition entity)
    {
        var relationship = ResolveRelationship(condition, parent.Node);
        var table = _data.Table(entity.Schema, entity.Table);

        if (relationship.Join is { } join)
        {
            return [.. table.RowsWhere(join.ToColumn, ParentRaw(parent, join.FromColumn)).Select(r => new EntityRow(entity, table, r))];
        }

        if (relationship.Junction is { } junction)
        {
            var links = _data.Table(junction.Schema, junction.Table);
            var parentKey = ParentRaw(parent, junction.FromKey ?? ParentKeyColumn(parent));
            var seen = new HashSet<object?[]>(ReferenceEqualityComparer.Instance);
            var related = new List<EntityRow>();
            foreach (var link in links.RowsWhere(junction.FromColumn, parentKey))
            {
                foreach (var row in table.RowsWhere(junction.ToKey ?? entity.PrimaryKey, links.Get(link, junction.ToColumn)))
                {
                    if (seen.Add(row))
                    {
                        related.Add(new EntityRow(entity, table, row));
                    }
                }
            }

            return related;
        }

        throw new InvalidOperationException($"Relationship {relationship.Name} has neither a join nor a junction.");
    }

    /// <summary>The named relationship, or the only one from the parent's node to the entity.</summary>
    private Relationship ResolveRelationship(EntityCondition condition, string parentNode)
    {
        if (condition.Relationship is { } name)
        {
            var named = _graph.FindRelationship(name) ?? throw new InvalidOperationException($"Unknown relationship {name}.");
            return string.Equals(named.From, parentNode, StringComparison.Ordinal) && string.Equals(named.To, condition.Entity, StringComparison.Ordinal)
                ? named
                : throw new InvalidOperationException($"Relationship {name} does not lead from {parentNode} to {condition.Entity}.");
        }

        var candidates = _graph.RelationshipsBetween(parentNode, condition.Entity).ToList();
        return candidates.Count == 1
            ? candidates[0]
            : throw new InvalidOperationException(
                $"{candidates.Count} relationships lead from {parentNode} to {condition.Entity}; the condition must name one.");
    }

    /// <summary>The parent key of rule 4: profile.idColumn for the profile, the primary key for an entity.</summary>
    private string ParentKeyColumn(Scope parent) => parent.Row?.Entity.PrimaryKey ?? _graph.Profile.IdColumn;

    private static object? ParentRaw(Scope parent, string column) =>
        parent.Row is { } row ? row.Raw(column) : parent.Profile.Raw(column);

    /// <summary>Property filter group on the entity's columns; an empty (or absent) group is true.</summary>
    private bool WhereHolds(PropertyFilterGroup? where, Scope scope)
    {
        if (where is null || where.Filters.Count == 0)
        {
            return true;
        }

        var row = scope.Row!;
        return Combine(where.Operator, where.Filters, filter =>
        {
            var column = row.Column(filter.Property);
            RequireOperator(column.Type, filter.Operator, $"Filter on {row.Entity.Name}.{column.Name}");
            var right = RightSide(filter.Value, filter.Ref, column.Type, scope, allowEntityColumns: true, $"Filter on {row.Entity.Name}.{column.Name}");
            return Comparisons.Compare(column.Type, row.Value(column), filter.Operator, right);
        });
    }

    /// <summary>
    /// SEMANTICS 2, windows include the cutoff. TIMESTAMP: asOf − N days ≤ v ≤ asOf. DATE: date(asOf − N days) ≤ v ≤ date(asOf).
    /// A null column value is outside every window.
    /// </summary>
    private static bool WindowHolds(RelativeWindow? window, EntityRow row, Evaluation evaluation)
    {
        if (window is null)
        {
            return true;
        }

        var column = row.Column(window.Column);
        switch (column.Type)
        {
            case DataType.Timestamp:
            {
                var (from, to) = TimeWindows.LastDays(evaluation.AsOf, window.WithinLastDays);
                return row.Value(column) is DateTime v && from <= v && v <= to;
            }

            case DataType.Date:
            {
                var (from, to) = TimeWindows.LastDaysAsDates(evaluation.AsOf, window.WithinLastDays);
                return row.Value(column) is DateOnly v && from <= v && v <= to;
            }

            default:
                throw new InvalidOperationException($"A window needs a DATE or TIMESTAMP column; {row.Entity.Name}.{column.Name} is {column.Type}.");
        }
    }

    /// <summary>Rule 4 / SEMANTICS 7: atLeast k: n ≥ k; exactly k: n = k; atMost k: n ≤ k (so 0 rows pass "at most").</summary>
    private static bool CountHolds(CountFilter count, int n) => count.Operator switch
    {
        CountOperator.AtLeast => n >= count.Value,
        CountOperator.Exactly => n == count.Value,
        CountOperator.AtMost => n <= count.Value,
        _ => throw new InvalidOperationException($"Unknown count operator {count.Operator}."),
    };

    /// <summary>
    /// SEMANTICS 3: the aggregate is over the qualifying rows of this one parent row. count → n; sum/avg/min/max over the
    /// column's non-null values, and with no values the aggregate is null, so the comparison fails.
    /// Computed in exact decimal arithmetic.
    /// </summary>
    private static bool AggregateHolds(AggregateFilter aggregate, EntityCondition condition, List<EntityRow> qualifying)
    {
        RequireOperator(DataType.Number, aggregate.Operator, $"Aggregate on {condition.Entity}");
        decimal? value;
        if (aggregate.Function == AggregateFunction.Count)
        {
            value = qualifying.Count;
        }
        else
        {
            var values = new List<decimal>();
            foreach (var row in qualifying)
            {
                var column = row.Column(aggregate.Column
                    ?? throw new InvalidOperationException($"The {aggregate.Function} aggregate on {condition.Entity} names no column."));
                if (column.Type != DataType.Number)
                {
                    throw new InvalidOperationException($"{aggregate.Function} needs a NUMBER column; {condition.Entity}.{column.Name} is {column.Type}.");
                }

                if (row.Value(column) is decimal d)
                {
                    values.Add(d);
                }
            }

            value = values.Count == 0
                ? null
                : aggregate.Function switch
                {
                    AggregateFunction.Sum => values.Sum(),
                    AggregateFunction.Avg => values.Sum() / values.Count,
                    AggregateFunction.Min => values.Min(),
                    AggregateFunction.Max => values.Max(),
                    _ => throw new InvalidOperationException($"Unknown aggregate {aggregate.Function}."),
                };
        }

        return Comparisons.Compare(DataType.Number, value, aggregate.Operator, aggregate.Value);
    }

    private static void RequireOperator(DataType type, ComparisonOperator op, string where)
    {
        if (!Comparisons.IsAllowed(type, op))
        {
            throw new InvalidOperationException($"{where}: {op} is not allowed on {type.ToString().ToUpperInvariant()}.");
        }
    }

    private EntityDefinition FindEntity(string name) =>
        _graph.FindEntity(name) ?? throw new InvalidOperationException($"Unknown entity {name}.");

    private TraitDefinition FindTrait(string name) =>
        _graph.FindTrait(name) ?? throw new InvalidOperationException($"Unknown trait {name}.");
}
