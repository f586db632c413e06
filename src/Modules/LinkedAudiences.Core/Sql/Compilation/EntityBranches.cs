using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Planning;

namespace LinkedAudiences.Core.Sql.Compilation;

/// <summary>
/// Entity conditions (SEMANTICS 4) as correlated subqueries over the parent row: EXISTS for "at least one",
/// COUNT(*) for counts, the aggregate for aggregates. Also the pieces the join-shaped queries reuse: the row
/// predicates of a condition (where, window, nested) and the joins that follow a relationship.
/// </summary>
internal sealed class EntityBranches(CompileContext context, Predicates predicates)
{
    private SqlDialect Dialect => context.Dialect;

    /// <summary>The condition evaluated at the parent row (the deepest alias of <paramref name="scope"/>).</summary>
    public string Condition(PlannedEntityCondition condition, Scope scope)
    {
        var alias = context.Alias("e");
        var inner = scope.Enter(alias);
        var from = Table(condition.Entity) + " AS " + alias;
        List<string> rows = [Link(condition, scope.Parent, alias), .. RowPredicates(condition, inner, chainChild: null)];

        var existence = condition.Aggregate is null
            && (condition.Count is null || condition.Count is { Operator: CountOperator.AtLeast, Value: 1 });
        string result;
        if (existence)
        {
            result = "EXISTS " + SqlText.Subquery(SqlText.Select("1", from, rows));
        }
        else
        {
            var tests = new List<string>(2);
            if (condition.Count is { } count)
            {
                tests.Add(predicates.Count(SqlText.Subquery(SqlText.Select("COUNT(*)", from, rows)), count));
            }

            if (condition.Aggregate is { } aggregate)
            {
                tests.Add(Aggregate(aggregate, alias, from, rows));
            }

            result = SqlText.Combine(Dialect, LogicalOperator.And, tests);
        }

        return condition.Negate ? predicates.Not(result, isExists: existence) : result;
    }

    /// <summary>
    /// What a row of the condition's entity (the deepest alias of <paramref name="inner"/>) must satisfy to qualify:
    /// its filters, its window and its nested conditions. <paramref name="chainChild"/> is a nested condition the
    /// caller already joins to; when it only asks for existence, the join proves it and it is left out.
    /// </summary>
    public List<string> RowPredicates(PlannedEntityCondition condition, Scope inner, PlannedEntityCondition? chainChild)
    {
        var alias = inner.Parent;
        var result = new List<string>();
        if (condition.Where is { Filters.Count: > 0 } where)
        {
            result.Add(predicates.Filters(where, inner));
        }

        if (condition.Window is { } window)
        {
            result.AddRange(Window(context.Column(alias, window.Column.Name), window));
        }

        var nested = condition.Conditions;
        if (chainChild is { IsPlainExistence: true })
        {
            // Under OR the joined child alone makes the nested part hold; under AND it drops out of the list.
            nested = condition.ConditionsOperator == LogicalOperator.Or ? [] : [.. nested.Where(c => !ReferenceEquals(c, chainChild))];
        }

        if (nested.Count > 0)
        {
            result.Add(SqlText.Combine(Dialect, condition.ConditionsOperator, [.. nested.Select(c => Condition(c, inner))]));
        }

        return result;
    }

    /// <summary>"JOIN entity AS alias ON ..." (through the junction table when there is one) from the parent alias.</summary>
    public string Join(PlannedEntityCondition condition, string parentAlias, string alias)
    {
        var link = condition.Link;
        var table = Table(condition.Entity) + " AS " + alias;
        if (link.Junction is not { } junction)
        {
            return $"\nJOIN {table} ON {context.Column(alias, link.ChildColumn)} = {context.Column(parentAlias, link.ParentColumn)}";
        }

        var j = context.Alias("j");
        return $"\nJOIN {context.Table(junction.Schema, junction.Table)} AS {j} ON {context.Column(j, junction.FromColumn)} = {context.Column(parentAlias, link.ParentColumn)}"
            + $"\nJOIN {table} ON {context.Column(alias, link.ChildColumn)} = {context.Column(j, junction.ToColumn)}";
    }

    public string Table(EntityDefinition entity) => context.Table(entity.Schema, entity.Table);

    /// <summary>
    /// The correlation to the parent row. Through a junction it is an IN over the junction rows, so an entity row
    /// the junction lists twice still counts once.
    /// </summary>
    private string Link(PlannedEntityCondition condition, string parentAlias, string alias)
    {
        var link = condition.Link;
        var child = context.Column(alias, link.ChildColumn);
        if (link.Junction is not { } junction)
        {
            return $"{child} = {context.Column(parentAlias, link.ParentColumn)}";
        }

        var j = context.Alias("j");
        var members = SqlText.Select(
            context.Column(j, junction.ToColumn),
            context.Table(junction.Schema, junction.Table) + " AS " + j,
            [$"{context.Column(j, junction.FromColumn)} = {context.Column(parentAlias, link.ParentColumn)}"]);
        return child + " IN " + SqlText.Subquery(members);
    }

    private string Aggregate(PlannedAggregate aggregate, string alias, string from, List<string> rows)
    {
        var value = context.Parameter(aggregate.Value);
        if (aggregate.Function == AggregateFunction.Count)
        {
            return predicates.Compare(SqlText.Subquery(SqlText.Select("COUNT(*)", from, rows)), aggregate.Operator, value);
        }

        var column = context.Column(alias, aggregate.Column!.Name);
        if (aggregate.Function == AggregateFunction.Avg)
        {
            // avg op v ⇔ sum op v × count (count > 0; no rows leaves SUM NULL): exact in decimals, where engines'
            // AVG may answer in floating point (DuckDB does for DECIMAL).
            var test = predicates.Compare($"SUM({column})", aggregate.Operator, $"{value} * COUNT({column})");
            return SqlText.Subquery(SqlText.Select(test, from, rows));
        }

        var function = aggregate.Function switch
        {
            AggregateFunction.Sum => "SUM",
            AggregateFunction.Min => "MIN",
            AggregateFunction.Max => "MAX",
            _ => throw new InvalidOperationException($"Aggregate {aggregate.Function} is not compiled."),
        };
        return predicates.Compare(SqlText.Subquery(SqlText.Select($"{function}({column})", from, rows)), aggregate.Operator, value);
    }

    /// <summary>SEMANTICS 4: as-of − N days ≤ v ≤ as-of, on dates for a DATE column; bounds computed here from the as-of.</summary>
    private IEnumerable<string> Window(string column, PlannedWindow window)
    {
        object from, to;
        switch (window.Column.Type)
        {
            case DataType.Timestamp:
                (var fromTs, var toTs) = TimeWindows.LastDays(context.AsOf, window.WithinLastDays);
                (from, to) = (fromTs, toTs);
                break;
            case DataType.Date:
                (var fromDate, var toDate) = TimeWindows.LastDaysAsDates(context.AsOf, window.WithinLastDays);
                (from, to) = (fromDate, toDate);
                break;
            default:
                throw new InvalidOperationException($"Window column '{window.Column.Name}' is {window.Column.Type}, not DATE or TIMESTAMP.");
        }

        yield return $"{column} >= {context.Parameter(from)}";
        yield return $"{column} <= {context.Parameter(to)}";
    }
}
