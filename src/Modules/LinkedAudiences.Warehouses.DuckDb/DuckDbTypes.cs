using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Warehouses.DuckDb;

/// <summary>DuckDB type names, both ways: what a reported column means to the data graph, and what to create for a load.</summary>
internal static class DuckDbTypes
{
    public static (DataType? Type, bool IsJson) Map(string nativeType)
    {
        // "DECIMAL(18,2)" and "ENUM('a', 'b')" are reported with their arguments; only the base name matters here.
        var paren = nativeType.IndexOf('(', StringComparison.Ordinal);
        var name = (paren < 0 ? nativeType : nativeType[..paren]).Trim().ToUpperInvariant();
        return name switch
        {
            "JSON" => (null, true),
            "TINYINT" or "SMALLINT" or "INTEGER" or "INT" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER"
                or "UBIGINT" or "UHUGEINT" or "DECIMAL" or "NUMERIC" or "FLOAT" or "REAL" or "DOUBLE" or "VARINT" or "BIGNUM" => (DataType.Number, false),
            "VARCHAR" or "TEXT" or "STRING" or "CHAR" or "BPCHAR" or "ENUM" => (DataType.String, false),
            "BOOLEAN" or "BOOL" or "LOGICAL" => (DataType.Boolean, false),
            "DATE" => (DataType.Date, false),
            "TIME" => (DataType.Time, false),
            "TIMESTAMP" or "DATETIME" or "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS" or "TIMESTAMP WITH TIME ZONE" or "TIMESTAMPTZ"
                => (DataType.Timestamp, false),
            _ => (null, false),
        };
    }

    public static string Ddl(WarehouseColumnType type) => type switch
    {
        WarehouseColumnType.BigInt => "BIGINT",
        WarehouseColumnType.Decimal => "DECIMAL(18,2)",
        WarehouseColumnType.Varchar => "VARCHAR",
        WarehouseColumnType.Boolean => "BOOLEAN",
        WarehouseColumnType.Date => "DATE",
        WarehouseColumnType.Time => "TIME",
        WarehouseColumnType.Timestamp => "TIMESTAMP",
        WarehouseColumnType.Json => "JSON",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };
}
