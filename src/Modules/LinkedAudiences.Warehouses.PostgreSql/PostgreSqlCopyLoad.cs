using LinkedAudiences.Core.Warehouses;
using Npgsql;
using NpgsqlTypes;

namespace LinkedAudiences.Warehouses.PostgreSql;

/// <summary>Streams rows into a table with binary COPY: no SQL per row, values sent in PostgreSQL's wire format.</summary>
internal static class PostgreSqlCopyLoad
{
    public static async Task<ulong> CopyAsync(NpgsqlConnection connection, string qualifiedTable, TableSchema table, string quotedColumns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var columns = table.Columns;
        var types = columns.Select(c => PostgreSqlTypes.DbType(c.Type)).ToArray();
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {qualifiedTable} ({quotedColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var values in rows)
        {
            if (values.Length != types.Length)
            {
                throw new ArgumentException($"A row of {table.Name} has {values.Length} values; the table has {types.Length} columns.", nameof(rows));
            }

            await writer.StartRowAsync(cancellationToken);
            for (var i = 0; i < values.Length; i++)
            {
                await WriteAsync(writer, values[i], types[i], columns[i], table.Name, cancellationToken);
            }
        }

        return await writer.CompleteAsync(cancellationToken);
    }

    // Typed writes (no boxing through object), and a wrong value type is reported by column before it reaches the wire.
    private static Task WriteAsync(NpgsqlBinaryImporter writer, object? value, NpgsqlDbType type, ColumnSchema column, string table, CancellationToken ct) =>
        (column.Type, value) switch
        {
            (_, null or DBNull) => writer.WriteNullAsync(ct),
            (WarehouseColumnType.BigInt, long l) => writer.WriteAsync(l, type, ct),
            (WarehouseColumnType.BigInt, int i) => writer.WriteAsync((long)i, type, ct),
            (WarehouseColumnType.Decimal, decimal d) => writer.WriteAsync(d, type, ct),
            (WarehouseColumnType.Decimal, long l) => writer.WriteAsync((decimal)l, type, ct),
            (WarehouseColumnType.Varchar or WarehouseColumnType.Json, string s) => writer.WriteAsync(s, type, ct),
            (WarehouseColumnType.Boolean, bool b) => writer.WriteAsync(b, type, ct),
            (WarehouseColumnType.Date, DateOnly date) => writer.WriteAsync(date, type, ct),
            (WarehouseColumnType.Date, DateTime dt) => writer.WriteAsync(DateOnly.FromDateTime(dt), type, ct),
            (WarehouseColumnType.Time, TimeOnly time) => writer.WriteAsync(time, type, ct),
            (WarehouseColumnType.Time, TimeSpan span) => writer.WriteAsync(TimeOnly.FromTimeSpan(span), type, ct),
            (WarehouseColumnType.Timestamp, DateTime ts) => writer.WriteAsync(WarehouseValues.Timestamp(ts), type, ct),
            _ => throw new ArgumentException($"{table}.{column.Name} is {column.Type}; a {value.GetType().Name} cannot be loaded into it."),
        };
}
