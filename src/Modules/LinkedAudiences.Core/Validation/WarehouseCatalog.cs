using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Validation;

/// <summary>
/// Looks up introspected tables the way the graph names them. A graph table without a schema means the connection's
/// default schema: a table of that name with no schema, else the only table of that name, else the one in a
/// conventional default schema (DuckDB "main", PostgreSQL "public").
/// </summary>
internal sealed class WarehouseCatalog(IReadOnlyList<WarehouseTable> tables)
{
    private static readonly string[] DefaultSchemas = ["main", "public"];

    public (WarehouseTable? Table, bool Ambiguous) Find(string? schema, string table)
    {
        var named = tables.Where(t => t is not null && string.Equals(t.Name, table, StringComparison.Ordinal)).ToList();
        if (!string.IsNullOrEmpty(schema))
        {
            return (named.FirstOrDefault(t => string.Equals(t.Schema, schema, StringComparison.Ordinal)), false);
        }

        var unqualified = named.FirstOrDefault(t => string.IsNullOrEmpty(t.Schema));
        if (unqualified is not null || named.Count <= 1)
        {
            return (unqualified ?? named.FirstOrDefault(), false);
        }

        var conventional = named.Where(t => DefaultSchemas.Contains(t.Schema, StringComparer.Ordinal)).ToList();
        return conventional.Count == 1 ? (conventional[0], false) : (null, true);
    }

    public static string QualifiedName(string? schema, string table) => string.IsNullOrEmpty(schema) ? table : schema + "." + table;

    /// <summary>"VARCHAR (STRING)", "JSON (JSON)", "BLOB (no data graph type)".</summary>
    public static string Describe(WarehouseColumn column) =>
        column.IsJson ? $"{column.NativeType} (JSON)"
        : column.Type is { } type ? $"{column.NativeType} ({JsonNames.Of(type)})"
        : $"{column.NativeType} (no data graph type)";

    public static bool SameType(WarehouseColumn a, WarehouseColumn b) =>
        a.IsJson || b.IsJson ? a.IsJson && b.IsJson
        : a.Type is not null && b.Type is not null ? a.Type == b.Type
        : string.Equals(a.NativeType, b.NativeType, StringComparison.OrdinalIgnoreCase);
}
