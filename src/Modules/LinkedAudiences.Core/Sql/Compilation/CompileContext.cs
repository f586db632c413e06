using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Sql.Compilation;

/// <summary>The state of one compilation: parameter values, alias counters, the as-of time. Never shared.</summary>
internal sealed class CompileContext(SqlDialect dialect, DataGraph graph, CompileOptions? options)
{
    private readonly List<object?> _values = [];
    private readonly Dictionary<string, int> _aliases = new(StringComparer.Ordinal);

    public SqlDialect Dialect { get; } = dialect;

    /// <summary>Null for queries that are not about an audience (value suggestions).</summary>
    public CompileOptions Options => options ?? throw new InvalidOperationException("This query has no compile options.");

    public DataGraph Graph { get; } = graph;

    public string? ProfileTraitsColumn => Graph.Profile.TraitsColumn;

    public EventSource Events => Graph.Events ?? throw new InvalidOperationException("The data graph has no events source.");

    /// <summary>As-of in the form warehouse timestamps are compared in (UTC, no zone).</summary>
    public DateTime AsOf => TimeWindows.Normalize(Options.AsOf);

    public IReadOnlyList<object?> Values => _values;

    /// <summary>Binds a value; returns the marker that stands for its placeholder.</summary>
    public string Parameter(object? value)
    {
        _values.Add(value);
        return SqlTemplate.Marker(_values.Count - 1);
    }

    /// <summary>
    /// A NUMBER constant, cast to the dialect's decimal type: otherwise DuckDB types the parameter after the column it
    /// meets and rounds 4.20 to 4 against a BIGINT column.
    /// </summary>
    public string DecimalParameter(decimal value) => $"CAST({Parameter(value)} AS {Dialect.DecimalType})";

    /// <summary>A text parameter in a select list, cast so every engine knows its type.</summary>
    public string TextParameter(string value) => Dialect.CastToText(Parameter(value));

    public string Alias(string prefix)
    {
        var next = _aliases.GetValueOrDefault(prefix) + 1;
        _aliases[prefix] = next;
        return prefix + next.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Identifier(string name) => Dialect.QuoteIdentifier(Safe(name));

    public string Column(string alias, string column) => alias + "." + Identifier(column);

    public string Table(string? schema, string table) =>
        Dialect.QuoteTable(schema is null ? null : Safe(schema), Safe(table));

    public string Literal(string text) => Dialect.StringLiteral(Safe(text));

    public SqlTemplate Template(string text) => new(text, [.. _values]);

    private static string Safe(string name) =>
        SqlTemplate.IsSafe(name) ? name : throw new InvalidOperationException($"The name '{name}' contains control characters and cannot be used in SQL.");
}
