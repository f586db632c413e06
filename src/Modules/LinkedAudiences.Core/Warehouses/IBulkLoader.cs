namespace LinkedAudiences.Core.Warehouses;

/// <summary>Creates a table and fills it fast (DuckDB appender, PostgreSQL binary COPY); used by the demo warehouse and tests.</summary>
public interface IBulkLoader
{
    Task LoadAsync(TableSchema table, IEnumerable<object?[]> rows, CancellationToken cancellationToken);
}

/// <summary>A table to create: name, optional schema, typed columns.</summary>
public sealed record TableSchema(string? Schema, string Name, IReadOnlyList<ColumnSchema> Columns);

public sealed record ColumnSchema(string Name, WarehouseColumnType Type);

/// <summary>
/// Physical column types: BigInt (long), Decimal (decimal, 18,2), Varchar (string), Boolean (bool), Date (DateOnly),
/// Time (TimeOnly), Timestamp (DateTime, UTC without zone), Json (string holding a JSON document).
/// </summary>
public enum WarehouseColumnType
{
    BigInt,
    Decimal,
    Varchar,
    Boolean,
    Date,
    Time,
    Timestamp,
    Json,
}
