namespace LinkedAudiences.Core.Sql;

/// <summary>
/// What differs between warehouses: quoting, placeholders, JSON access, string functions, casts.
/// The base holds the common ANSI forms; each engine overrides only what it spells differently
/// (see Dialects/). Immutable and shared: per-compile state lives in the compiler's context.
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
    public virtual string Placeholder(int position) => "$" + position.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
