using System.Globalization;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Planning;

namespace LinkedAudiences.Core.Sql.Compilation;

/// <summary>
/// Counts and aggregates of related rows per parent (SEMANTICS 3-4) as set membership:
/// <c>parent_key IN (SELECT key FROM rows WHERE ... GROUP BY key HAVING tests)</c>. Unlike a correlated
/// <c>(SELECT COUNT(*) ...) &gt;= n</c>, which PostgreSQL runs once per profile (35 s instead of 40 ms on 10,000
/// profiles without an index), the grouped set is computed once by every engine, and Snowflake accepts it anywhere.
/// Groups only exist for parents with at least one qualifying row, so when zero rows pass the tests ("at most",
/// "exactly 0", count below n) the complement is used: parent_key NOT IN the groups failing the tests.
/// </summary>
internal static class Counting
{
    /// <param name="value">The aggregated column expression inside <paramref name="from"/>; null for counts.</param>
    public static string Test(
        CompileContext context, Predicates predicates, string parentKey, string groupKey, string from, IReadOnlyList<string> rows,
        CountFilter? count, PlannedAggregate? aggregate, string? value, bool negate)
    {
        var tests = new List<string>(2);
        var zeroPasses = true;
        if (count is not null)
        {
            tests.Add(predicates.Count("COUNT(*)", count));
            zeroPasses &= count.Operator switch
            {
                CountOperator.AtLeast => count.Value <= 0,
                CountOperator.Exactly => count.Value == 0,
                _ => count.Value >= 0,
            };
        }

        if (aggregate is not null)
        {
            tests.Add(Aggregate(context, predicates, aggregate, value));
            // Over no rows count is 0 and the other aggregates are NULL, which fails every comparison.
            zeroPasses &= aggregate.Function == AggregateFunction.Count && Holds(0m, aggregate.Operator, aggregate.Value);
        }

        var having = SqlText.Combine(context.Dialect, LogicalOperator.And, tests);

        // The grouped keys are never NULL, so "key IN set" is NULL only for a NULL key (no related rows at all):
        // "key IS NULL OR key NOT IN set" is then its exact two-valued complement, with no subquery inside a function.
        // Only COUNT comparisons remain when zero rows pass: never NULL, so NOT is safe inside HAVING.
        var set = Set(groupKey, from, rows, zeroPasses ? "NOT (" + having + ")" : having);
        var inSet = $"{parentKey} IN {set}";
        var notInSet = $"({parentKey} IS NULL OR {parentKey} NOT IN {set})";
        return zeroPasses != negate ? notInSet : inSet;
    }

    private static string Set(string groupKey, string from, IReadOnlyList<string> rows, string having) =>
        SqlText.Subquery(SqlText.Select(groupKey, from, [groupKey + " IS NOT NULL", .. rows]) + "\nGROUP BY " + groupKey + "\nHAVING " + SqlText.Continue(having, 2));

    private static string Aggregate(CompileContext context, Predicates predicates, PlannedAggregate aggregate, string? value)
    {
        var threshold = context.DecimalParameter(aggregate.Value);
        return aggregate.Function switch
        {
            AggregateFunction.Count => predicates.Compare("COUNT(*)", aggregate.Operator, threshold),
            // avg op v ⇔ sum op v × count (count > 0 in a group): exact in decimals, where engines' AVG may answer
            // in floating point (DuckDB does for DECIMAL).
            AggregateFunction.Avg => predicates.Compare($"SUM({value})", aggregate.Operator, $"{threshold} * COUNT({value})"),
            AggregateFunction.Sum => predicates.Compare($"SUM({value})", aggregate.Operator, threshold),
            AggregateFunction.Min => predicates.Compare($"MIN({value})", aggregate.Operator, threshold),
            AggregateFunction.Max => predicates.Compare($"MAX({value})", aggregate.Operator, threshold),
            _ => throw new InvalidOperationException($"Aggregate {aggregate.Function} is not compiled."),
        };
    }

    private static bool Holds(decimal left, ComparisonOperator op, decimal right) => op switch
    {
        ComparisonOperator.Equals => left == right,
        ComparisonOperator.NotEquals => left != right,
        ComparisonOperator.LessThan => left < right,
        ComparisonOperator.GreaterThan => left > right,
        ComparisonOperator.LessThanOrEqual => left <= right,
        ComparisonOperator.GreaterThanOrEqual => left >= right,
        _ => throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Operator {op} does not compare numbers.")),
    };
}
