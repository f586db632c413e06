using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Planning;

namespace LinkedAudiences.Core.Sql.Compilation;

/// <summary>
/// Entity conditions (SEMANTICS 4) over the parent row: EXISTS for "at least one"; counts and aggregates as the
/// parent key IN the keys of grouped related rows (see <see cref="Counting"/>). Also the pieces the join-shaped
/// queries reuse: the row predicates of a condition (where, window, nested) and the joins that follow a relationship.
/// </summary>
internal sealed class EntityBranches(CompileContext context, Predicates predicates)
{
    private SqlDialect Dialect => context.Dialect;

    /// <summary>The condition evaluated at the parent row (the deepest alias of <paramref name="scope"/>).</summary>
    public string Condition(PlannedEntityCondition condition, Scope scope)
    {
        var alias = context.Alias("e");
        var inner = scope.Enter(alias);
        var rows = RowPredicates(condition, inner, chainChild: null);

        if (condition.Aggregate is null && condition.Count is null or { Operator: CountOperator.AtLeast, Value: 1 })
        {
            var exists = "EXISTS " + SqlText.Subquery(condition.Link.Junction is { } through
                ? ExistsThroughJunction(condition, through, scope.Parent, alias, rows)
                : SqlText.Select("1", Table(condition.Entity) + " AS " + alias, [Link(condition, scope.Parent, alias), .. rows]));
            return condition.Negate ? predicates.Not(exists, isExists: true) : exists;
        }

        var parentKey = context.Column(scope.Parent, condition.Link.ParentColumn);
        var link = condition.Link;
        if (link.Junction is not { } junction)
        {
            var groupKey = context.Column(alias, link.ChildColumn);
            var value = condition.Aggregate?.Column is { } column ? context.Column(alias, column.Name) : null;
            return Counting.Test(context, predicates, parentKey, groupKey, Table(condition.Entity) + " AS " + alias, rows, condition.Count, condition.Aggregate, value, condition.Negate);
        }

        // Through a junction a row may be listed twice: group distinct (parent key, row) pairs so it counts once.
        var j = context.Alias("j");
        var d = context.Alias("d");
        var select = $"DISTINCT {context.Column(j, junction.FromColumn)} AS k, {context.Column(alias, condition.Entity.PrimaryKey)} AS row_key"
            + (condition.Aggregate?.Column is { } aggregated ? $", {context.Column(alias, aggregated.Name)} AS v" : "");
        var pairs = SqlText.Select(
            select,
            $"{context.Table(junction.Schema, junction.Table)} AS {j}\nJOIN {Table(condition.Entity)} AS {alias} ON {context.Column(alias, link.ChildColumn)} = {context.Column(j, junction.ToColumn)}",
            rows);
        return Counting.Test(context, predicates, parentKey, d + ".k", SqlText.Subquery(pairs) + " AS " + d, [], condition.Count, condition.Aggregate,
            condition.Aggregate?.Column is null ? null : d + ".v", condition.Negate);
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

    /// <summary>
    /// Existence through a junction as a join inside the EXISTS: a repeated junction row does not matter to existence, and
    /// engines decorrelate this shape, where a correlated IN nested in the EXISTS made DuckDB and PostgreSQL scan the
    /// junction once per (parent, row) pair (800x slower on the demo's households at 100k profiles).
    /// </summary>
    private string ExistsThroughJunction(PlannedEntityCondition condition, PlannedJunction junction, string parentAlias, string alias, List<string> rows)
    {
        var j = context.Alias("j");
        var from = $"{context.Table(junction.Schema, junction.Table)} AS {j}\nJOIN {Table(condition.Entity)} AS {alias} ON {context.Column(alias, condition.Link.ChildColumn)} = {context.Column(j, junction.ToColumn)}";
        return SqlText.Select("1", from, [$"{context.Column(j, junction.FromColumn)} = {context.Column(parentAlias, condition.Link.ParentColumn)}", .. rows]);
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
