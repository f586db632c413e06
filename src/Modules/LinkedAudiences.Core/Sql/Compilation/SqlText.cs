using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Core.Sql.Compilation;

/// <summary>Layout helpers: predicates are combined with explicit parentheses and nested queries indented.</summary>
internal static class SqlText
{
    /// <summary>Indents every line after the first (the first continues the line it is appended to).</summary>
    public static string Continue(string text, int spaces) =>
        text.Replace("\n", "\n" + new string(' ', spaces), StringComparison.Ordinal);

    /// <summary>Indents every line.</summary>
    public static string Block(string text, int spaces) => new string(' ', spaces) + Continue(text, spaces);

    /// <summary>"(\n  query\n)": a subquery as an expression.</summary>
    public static string Subquery(string query) => "(\n" + Block(query, 2) + "\n)";

    /// <summary>
    /// Predicates joined by AND/OR; one predicate stands alone, several are parenthesised, none is the operator's
    /// neutral element (an empty AND holds, an empty OR does not).
    /// </summary>
    public static string Combine(SqlDialect dialect, LogicalOperator op, IReadOnlyList<string> predicates) => predicates.Count switch
    {
        0 => dialect.BooleanLiteral(op == LogicalOperator.And),
        1 => predicates[0],
        _ => "(" + string.Join(op == LogicalOperator.And ? "\n AND " : "\n OR ", predicates.Select(p => Continue(p, 1))) + ")",
    };

    /// <summary>"WHERE a\n  AND b", or nothing when there is no predicate.</summary>
    public static string Where(IReadOnlyList<string> predicates) =>
        predicates.Count == 0 ? "" : "\nWHERE " + string.Join("\n  AND ", predicates.Select(p => Continue(p, 2)));

    /// <summary>A SELECT over FROM with its predicates.</summary>
    public static string Select(string select, string from, IReadOnlyList<string> predicates) =>
        "SELECT " + select + "\nFROM " + from + Where(predicates);
}
