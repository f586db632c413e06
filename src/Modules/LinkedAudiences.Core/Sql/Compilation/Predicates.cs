using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Planning;

namespace LinkedAudiences.Core.Sql.Compilation;

/// <summary>
/// Comparisons and filter groups. A comparison with a NULL side is NULL, never TRUE (SEMANTICS 2): nothing here
/// applies NOT to a value that may be NULL except "not contains", whose NULL stays NULL, and NULL reads as FALSE
/// wherever it lands (WHERE, or a negation that coalesces first).
/// </summary>
internal sealed class Predicates(CompileContext context, Operands operands)
{
    public string Filters(PlannedFilterGroup group, Scope scope) =>
        SqlText.Combine(context.Dialect, group.Operator, [.. group.Filters.Select(f => Filter(f, scope))]);

    public string Filter(PlannedFilter filter, Scope scope) =>
        Compare(operands.Render(filter.Left, scope), filter.Operator, operands.Render(filter.Right, scope));

    public string Compare(string left, ComparisonOperator op, string right)
    {
        var dialect = context.Dialect;
        return op switch
        {
            ComparisonOperator.Equals => $"{left} = {right}",
            ComparisonOperator.NotEquals => $"{left} <> {right}",
            ComparisonOperator.LessThan => $"{left} < {right}",
            ComparisonOperator.GreaterThan => $"{left} > {right}",
            ComparisonOperator.LessThanOrEqual => $"{left} <= {right}",
            ComparisonOperator.GreaterThanOrEqual => $"{left} >= {right}",
            ComparisonOperator.Contains => dialect.Contains(left, right),
            ComparisonOperator.NotContains => $"NOT ({dialect.Contains(left, right)})",
            ComparisonOperator.StartsWith => dialect.StartsWith(left, right),
            ComparisonOperator.EndsWith => dialect.EndsWith(left, right),
            _ => throw new InvalidOperationException($"Operator {op} is not compiled."),
        };
    }

    /// <summary>The count test: at least / exactly / at most n.</summary>
    public string Count(string count, CountFilter filter) => count + filter.Operator switch
    {
        CountOperator.AtLeast => " >= ",
        CountOperator.Exactly => " = ",
        CountOperator.AtMost => " <= ",
        _ => throw new InvalidOperationException($"Count operator {filter.Operator} is not compiled."),
    } + context.Parameter((long)filter.Value);

    /// <summary>
    /// Negation over a two-valued result (SEMANTICS 2): NULL counts as FALSE before it is flipped. EXISTS is never
    /// NULL, and a plain NOT EXISTS lets the engines plan an anti-join.
    /// </summary>
    public string Not(string predicate, bool isExists) =>
        isExists ? "NOT " + predicate : $"NOT COALESCE({predicate}, {context.Dialect.BooleanLiteral(false)})";
}
