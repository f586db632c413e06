using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Warehouses;
using NpgsqlTypes;

namespace LinkedAudiences.Warehouses.PostgreSql;

/// <summary>PostgreSQL types both ways: what a reported column means to the data graph, and what a load creates and writes.</summary>
internal static class PostgreSqlTypes
{
    /// <summary>Maps a base type name (pg_type.typname: int8, numeric, text, timestamptz, jsonb...).</summary>
    public static (DataType? Type, bool IsJson) Map(string typeName) => typeName switch
    {
        "json" or "jsonb" => (null, true),
        "int2" or "int4" or "int8" or "numeric" or "float4" or "float8" or "oid" => (DataType.Number, false),
        "text" or "varchar" or "bpchar" or "name" or "citext" => (DataType.String, false),
        "bool" => (DataType.Boolean, false),
        "date" => (DataType.Date, false),
        "time" => (DataType.Time, false),
        "timestamp" or "timestamptz" => (DataType.Timestamp, false),
        _ => (null, false),
    };

    public static string Ddl(WarehouseColumnType type) => type switch
    {
        WarehouseColumnType.BigInt => "bigint",
        WarehouseColumnType.Decimal => "numeric(18,2)",
        WarehouseColumnType.Varchar => "text",
        WarehouseColumnType.Boolean => "boolean",
        WarehouseColumnType.Date => "date",
        WarehouseColumnType.Time => "time",
        WarehouseColumnType.Timestamp => "timestamp",
        WarehouseColumnType.Json => "jsonb",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    public static NpgsqlDbType DbType(WarehouseColumnType type) => type switch
    {
        WarehouseColumnType.BigInt => NpgsqlDbType.Bigint,
        WarehouseColumnType.Decimal => NpgsqlDbType.Numeric,
        WarehouseColumnType.Varchar => NpgsqlDbType.Text,
        WarehouseColumnType.Boolean => NpgsqlDbType.Boolean,
        WarehouseColumnType.Date => NpgsqlDbType.Date,
        WarehouseColumnType.Time => NpgsqlDbType.Time,
        WarehouseColumnType.Timestamp => NpgsqlDbType.Timestamp,
        WarehouseColumnType.Json => NpgsqlDbType.Jsonb,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };
}
