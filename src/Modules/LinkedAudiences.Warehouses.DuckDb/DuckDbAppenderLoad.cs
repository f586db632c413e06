using DuckDB.NET.Data;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Warehouses.DuckDb;

/// <summary>Fills a freshly created table through DuckDB's appender (row by row into columnar chunks, no SQL per row).</summary>
internal static class DuckDbAppenderLoad
{
    private const int CancellationCheckInterval = 8192;

    public static long Append(DuckDBConnection connection, TableSchema table, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var columns = table.Columns;
        long count = 0;
        using var appender = table.Schema is null
            ? connection.CreateAppender(table.Name)
            : connection.CreateAppender(table.Schema, table.Name);
        foreach (var values in rows)
        {
            if (values.Length != columns.Count)
            {
                throw new ArgumentException($"A row of {table.Name} has {values.Length} values; the table has {columns.Count} columns.", nameof(rows));
            }

            var row = appender.CreateRow();
            for (var i = 0; i < values.Length; i++)
            {
                Append(row, columns[i], values[i], table.Name);
            }

            row.EndRow();
            if (++count % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return count;
    }

    // Typed appends (no conversion through object), and a wrong value type is reported by column, as PostgreSQL's load does.
    private static void Append(IDuckDBAppenderRow row, ColumnSchema column, object? value, string table) =>
        _ = (column.Type, value) switch
        {
            (_, null or DBNull) => row.AppendNullValue(),
            (WarehouseColumnType.BigInt, long l) => row.AppendValue(l),
            (WarehouseColumnType.BigInt, int i) => row.AppendValue((long)i),
            (WarehouseColumnType.Decimal, decimal d) => row.AppendValue(d),
            (WarehouseColumnType.Decimal, long l) => row.AppendValue((decimal)l),
            (WarehouseColumnType.Varchar or WarehouseColumnType.Json, string s) => row.AppendValue(s),
            (WarehouseColumnType.Boolean, bool b) => row.AppendValue(b),
            (WarehouseColumnType.Date, DateOnly date) => row.AppendValue(date),
            (WarehouseColumnType.Date, DateTime dt) => row.AppendValue(DateOnly.FromDateTime(dt)),
            (WarehouseColumnType.Time, TimeOnly time) => row.AppendValue(time),
            (WarehouseColumnType.Time, TimeSpan span) => row.AppendValue(TimeOnly.FromTimeSpan(span)),
            (WarehouseColumnType.Timestamp, DateTime ts) => row.AppendValue(WarehouseValues.Timestamp(ts)),
            _ => throw new ArgumentException($"{table}.{column.Name} is {column.Type}; a {value.GetType().Name} cannot be loaded into it."),
        };
}
