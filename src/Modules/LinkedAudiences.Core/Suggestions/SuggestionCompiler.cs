using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Planning;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Compilation;

namespace LinkedAudiences.Core.Suggestions;

/// <summary>
/// Queries for the builder's value drop-downs (seeds): the first 500 unique values of a STRING entity column in
/// ordinal order, and the 65 most frequent values of an event property / context key or of a profile trait
/// (nested paths included). Values are read with the declared type, so a JSON value of the wrong kind is no
/// suggestion. Values stay case-sensitive.
/// <para>
/// Every query is bounded twice: LIMIT on its answer, and an inner LIMITed subquery on the rows it reads —
/// at most <see cref="ScanLimit"/> non-null rows of the entity table or the profiles (whichever the engine meets
/// first), or the <see cref="ScanLimit"/> most recent events of that name carrying the property. On larger tables
/// the suggestions are therefore drawn from that sample.
/// </para>
/// Columns: "value" (entity columns); "value", "occurrences" (events and traits), most frequent first.
/// </summary>
public sealed class SuggestionCompiler(SqlDialect dialect)
{
    public const int DefaultScanLimit = 100_000;
    public const int DefaultEntityValueLimit = 500;
    public const int DefaultTopValueLimit = 65;

    public SqlDialect Dialect { get; } = dialect ?? throw new ArgumentNullException(nameof(dialect));

    /// <summary>How many source rows a suggestion query reads at most. Default 100,000.</summary>
    public int ScanLimit { get; init; } = DefaultScanLimit;

    public SqlQuery EntityColumnValues(DataGraph graph, string entity, string column, int limit = DefaultEntityValueLimit)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var definition = graph.FindEntity(entity) ?? throw new InvalidOperationException($"Entity '{entity}' is not in the data graph.");
        var columnDefinition = definition.FindColumn(column) ?? throw new InvalidOperationException($"Column '{column}' is not a column of entity '{entity}'.");
        if (columnDefinition.Type != DataType.String)
        {
            throw new InvalidOperationException($"Value suggestions are offered for STRING columns; '{entity}.{column}' is {columnDefinition.Type.ToString().ToUpperInvariant()}.");
        }

        var context = new CompileContext(Dialect, graph, options: null);
        var value = context.Column("e", column);
        var scan = SqlText.Select(value + " AS value", context.Table(definition.Schema, definition.Table) + " AS e", [value + " IS NOT NULL"])
            + "\n" + Dialect.Limit(ScanLimit);
        // GROUP BY rather than DISTINCT: PostgreSQL only orders DISTINCT rows by expressions of the select list.
        var query = "SELECT s.value\nFROM " + SqlText.Subquery(scan) + " AS s\nGROUP BY s.value\nORDER BY "
            + Dialect.OrdinalOrder("s.value") + "\n" + Dialect.Limit(limit);
        return context.Template(query).Render(Dialect);
    }

    /// <param name="property">A property name ("amount") or a context key ("context.locale").</param>
    public SqlQuery EventPropertyValues(DataGraph graph, string eventName, string property, int limit = DefaultTopValueLimit)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var events = graph.Events ?? throw new InvalidOperationException("The data graph has no events source.");
        var found = events.FindProperty(property) ?? throw new InvalidOperationException($"Event property '{property}' is not in the data graph.");

        var context = new CompileContext(Dialect, graph, options: null);
        var operand = new EventPropertyOperand(found.Definition, found.IsContext);
        var value = new Operands(context).Render(operand, new Scope("p", [], "ev"));
        var scan = SqlText.Select(
                value + " AS value",
                context.Table(events.Schema, events.Table) + " AS ev",
                [$"{context.Column("ev", events.NameColumn)} = {context.Parameter(eventName)}", value + " IS NOT NULL"])
            + "\nORDER BY " + context.Column("ev", events.TimestampColumn) + " DESC\n" + Dialect.Limit(ScanLimit);
        return context.Template(TopValues(scan, operand.Type, limit)).Render(Dialect);
    }

    /// <param name="trait">The trait's name in the data graph (column or nested path).</param>
    public SqlQuery TraitValues(DataGraph graph, string trait, int limit = DefaultTopValueLimit)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var definition = graph.FindTrait(trait) ?? throw new InvalidOperationException($"Trait '{trait}' is not in the data graph.");

        var context = new CompileContext(Dialect, graph, options: null);
        var value = new Operands(context).Trait(definition, "p");
        var scan = SqlText.Select(
                value + " AS value",
                context.Table(graph.Profile.Schema, graph.Profile.Table) + " AS p",
                [value + " IS NOT NULL"])
            + "\n" + Dialect.Limit(ScanLimit);
        return context.Template(TopValues(scan, definition.Type, limit)).Render(Dialect);
    }

    private string TopValues(string scan, DataType type, int limit) =>
        "SELECT s.value, COUNT(*) AS occurrences\nFROM " + SqlText.Subquery(scan) + " AS s\nGROUP BY s.value\nORDER BY COUNT(*) DESC, "
        + (type == DataType.String ? Dialect.OrdinalOrder("s.value") : "s.value") + "\n" + Dialect.Limit(limit);
}
