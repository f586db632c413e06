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
        var types = table.Columns.Select(c => PostgreSqlTypes.DbType(c.Type)).ToArray();
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
                await WriteAsync(writer, values[i], types[i], table, i, cancellationToken);
            }
        }

        return await writer.CompleteAsync(cancellationToken);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter writer, object? value, NpgsqlDbType type, TableSchema table, int column, CancellationToken ct)
    {
        try
        {
            return value switch
            {
                null or DBNull => writer.WriteNullAsync(ct),
                long l => writer.WriteAsync(l, type, ct),
                int i => writer.WriteAsync((long)i, type, ct),
                decimal d => writer.WriteAsync(d, type, ct),
                string s => writer.WriteAsync(s, type, ct),
                bool b => writer.WriteAsync(b, type, ct),
                DateOnly date => writer.WriteAsync(date, type, ct),
                TimeOnly time => writer.WriteAsync(time, type, ct),
                DateTime ts => writer.WriteAsync(WarehouseValues.Timestamp(ts), type, ct),
                _ => writer.WriteAsync(value, type, ct),
            };
        }
        catch (InvalidCastException e)
        {
            var c = table.Columns[column];
            throw new ArgumentException($"{table.Name}.{c.Name} is {c.Type}; a {value!.GetType().Name} cannot be loaded into it.", e);
        }
    }
}
