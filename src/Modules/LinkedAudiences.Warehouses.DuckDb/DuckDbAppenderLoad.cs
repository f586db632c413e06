using System.Globalization;
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

    private static void Append(IDuckDBAppenderRow row, ColumnSchema column, object? value, string table)
    {
        if (value is null or DBNull)
        {
            row.AppendNullValue();
            return;
        }

        try
        {
            _ = column.Type switch
            {
                WarehouseColumnType.BigInt => row.AppendValue(value as long? ?? Convert.ToInt64(value, CultureInfo.InvariantCulture)),
                WarehouseColumnType.Decimal => row.AppendValue(value as decimal? ?? Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
                WarehouseColumnType.Varchar or WarehouseColumnType.Json => row.AppendValue((string)value),
                WarehouseColumnType.Boolean => row.AppendValue((bool?)(bool)value),
                WarehouseColumnType.Date => row.AppendValue((DateOnly?)(value is DateTime d ? DateOnly.FromDateTime(d) : (DateOnly)value)),
                WarehouseColumnType.Time => row.AppendValue((TimeOnly?)(value is TimeSpan t ? TimeOnly.FromTimeSpan(t) : (TimeOnly)value)),
                WarehouseColumnType.Timestamp => row.AppendValue((DateTime?)WarehouseValues.Timestamp((DateTime)value)),
                _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "Unknown column type."),
            };
        }
        catch (InvalidCastException e)
        {
            throw new ArgumentException($"{table}.{column.Name} is {column.Type}; a {value.GetType().Name} cannot be loaded into it.", e);
        }
    }
}
