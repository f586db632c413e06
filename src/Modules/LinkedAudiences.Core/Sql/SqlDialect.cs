using System.Globalization;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Sql;

/// <summary>
/// What differs between warehouses: quoting, placeholders, JSON access, string functions, casts.
/// The base holds the common ANSI forms; each engine overrides only what it spells differently
/// (see Dialects/). Immutable and shared: per-compile state lives in the compiler's context.
/// Every method builds text from SQL expressions it is given; none of them sees a definition's values,
/// which are always parameters.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>Short name used on the command line and in baselines: duckdb, postgres, snowflake.</summary>
    public abstract string Name { get; }

    /// <summary>Quotes an identifier exactly as the data graph spells it, doubling embedded quotes.</summary>
    public virtual string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Quotes an optionally schema-qualified table name.</summary>
    public virtual string QuoteTable(string? schema, string table) =>
        string.IsNullOrEmpty(schema) ? QuoteIdentifier(table) : QuoteIdentifier(schema) + "." + QuoteIdentifier(table);

    /// <summary>The placeholder for the parameter at 1-based <paramref name="position"/>.</summary>
    public virtual string Placeholder(int position) => "$" + position.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A string literal for text that comes from the data graph or the compiler (JSON keys, type names),
    /// never for a definition's values.
    /// </summary>
    public virtual string StringLiteral(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The type keys and text columns are returned as.</summary>
    public virtual string TextType => "VARCHAR";

    /// <summary>The exact numeric type NUMBER values read from JSON are cast to.</summary>
    public virtual string DecimalType => "DECIMAL(38, 10)";

    public virtual string BooleanLiteral(bool value) => value ? "TRUE" : "FALSE";

    public virtual string CastToText(string expression) => $"CAST({expression} AS {TextType})";

    /// <summary>Case-sensitive, ordinal "text contains fragment".</summary>
    public virtual string Contains(string text, string fragment) => $"strpos({text}, {fragment}) > 0";

    public virtual string StartsWith(string text, string prefix) => $"starts_with({text}, {prefix})";

    public virtual string EndsWith(string text, string suffix) => $"ends_with({text}, {suffix})";

    /// <summary>
    /// The value at <paramref name="path"/> (object keys, outermost first) of the JSON expression
    /// <paramref name="json"/>, typed as <paramref name="type"/>. A JSON value of another kind (a string where a
    /// number is declared, an object, JSON null) or a missing key reads as SQL NULL: check the JSON type, never cast blindly.
    /// </summary>
    public abstract string JsonValue(string json, IReadOnlyList<string> path, DataType type);

    /// <summary>The clause that keeps the first <paramref name="count"/> rows (the count is the compiler's, not a user value).</summary>
    public virtual string Limit(int count) => "LIMIT " + count.ToString(CultureInfo.InvariantCulture);

    /// <summary>An ORDER BY key for text that sorts ordinally (byte order), whatever the database's collation.</summary>
    public virtual string OrdinalOrder(string expression) => expression;

    /// <summary>
    /// Snapshots: the concatenation of <paramref name="expression"/> over a group's rows in ordinal order of
    /// <paramref name="orderBy"/>, so a hash over it does not depend on the order rows were read in.
    /// </summary>
    public virtual string OrderedConcat(string expression, string orderBy) => $"string_agg({expression}, '' ORDER BY {OrdinalOrder(orderBy)})";

    /// <summary>Snapshots: a hex digest of a text expression (enrichment hashes; collisions are harmless there).</summary>
    public virtual string Md5(string expression) => $"md5({expression})";

    /// <summary>
    /// Snapshots: a statement refreshing the planner's statistics of a table just filled, or null where the engine
    /// needs none. Without them a fresh snapshot looks empty to the planner, and the diff's anti-join turns quadratic.
    /// </summary>
    public virtual string? AnalyzeTable(string table) => null;

    /// <summary>Snapshots: a statement creating an index if it is missing, or null where indexes do not pay (column stores).</summary>
    public virtual string? CreateIndexIfNotExists(string name, string table, IReadOnlyList<string> columns) => null;
}
