using LinkedAudiences.Core.Sql;

namespace LinkedAudiences.Core.Warehouses;

/// <summary>A connection to one warehouse: introspection and execution. Connectors implement it; the engine never sees a driver type.</summary>
public interface IWarehouse : IAsyncDisposable
{
    SqlDialect Dialect { get; }

    /// <summary>Every table visible to the connection with its columns (introspection).</summary>
    Task<IReadOnlyList<WarehouseTable>> DescribeTablesAsync(CancellationToken cancellationToken);

    /// <summary>Streams rows; values come back as the CLR types of <see cref="SqlParameter"/> (decimal, long, string, ...).</summary>
    IAsyncEnumerable<object?[]> QueryAsync(SqlQuery query, CancellationToken cancellationToken);

    Task<int> ExecuteAsync(SqlQuery query, CancellationToken cancellationToken);
}

/// <summary>A table as the warehouse reports it.</summary>
public sealed record WarehouseTable(string? Schema, string Name, IReadOnlyList<WarehouseColumn> Columns)
{
    public WarehouseColumn? FindColumn(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}

/// <summary>A column: its native type name and the data graph type it maps to (null when it maps to none, JSON for JSON columns).</summary>
public sealed record WarehouseColumn(string Name, string NativeType, Graph.DataType? Type, bool IsJson = false);
