using System.Runtime.CompilerServices;
using DuckDB.NET.Data;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Warehouses.DuckDb;

/// <summary>
/// An embedded DuckDB database (a file, or ":memory:") as a warehouse. The connection opened here keeps the
/// database alive; every operation runs on a connection of its own to it, so queries may run concurrently and a
/// query may be read while another statement executes. Session state (temporary tables, SET) therefore does not carry
/// from one call to the next. Timestamps are read and compared in UTC.
/// </summary>
public sealed class DuckDbWarehouse : IWarehouse, IBulkLoader
{
    public const string InMemory = ":memory:";

    private readonly DuckDBConnection _root;

    private DuckDbWarehouse(DuckDBConnection root, string path, SqlDialect dialect)
    {
        _root = root;
        Path = path;
        Dialect = dialect;
    }

    public SqlDialect Dialect { get; }

    /// <summary>The database file, or <see cref="InMemory"/>.</summary>
    public string Path { get; }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/>; ":memory:" gives a private in-memory one.</summary>
    public static async Task<DuckDbWarehouse> OpenAsync(string path, SqlDialect dialect, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(dialect);
        var builder = new DuckDBConnectionStringBuilder { DataSource = path };
        var root = new DuckDBConnection(builder.ConnectionString);
        try
        {
            await root.OpenAsync(cancellationToken);
            await using var command = root.CreateCommand();
            // TIMESTAMPTZ columns would otherwise be shown and cast in the machine's zone.
            command.CommandText = "SET GLOBAL TimeZone = 'UTC'";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new DuckDbWarehouse(root, path, dialect);
        }
        catch
        {
            await root.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Tables and views of the current database. Those of the default schema ("main") are reported with a null
    /// schema, as the data graph names them when it gives no schema; others carry their schema's name.
    /// </summary>
    public async Task<IReadOnlyList<WarehouseTable>> DescribeTablesAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT table_schema, table_name, column_name, data_type, table_schema = current_schema() AS is_default
            FROM information_schema.columns
            WHERE table_catalog = current_database() AND table_schema NOT IN ('information_schema', 'pg_catalog')
            ORDER BY table_schema, table_name, ordinal_position
            """;
        var columns = new List<(string? Schema, string Table, WarehouseColumn Column)>();
        await foreach (var row in QueryAsync(SqlQuery.Text(sql), cancellationToken))
        {
            var nativeType = (string)row[3]!;
            var (type, isJson) = DuckDbTypes.Map(nativeType);
            var schema = (bool)row[4]! ? null : (string)row[0]!;
            columns.Add((schema, (string)row[1]!, new WarehouseColumn((string)row[2]!, nativeType, type, isJson)));
        }

        return [.. columns
            .GroupBy(c => (c.Schema, c.Table))
            .Select(g => new WarehouseTable(g.Key.Schema, g.Key.Table, [.. g.Select(c => c.Column)]))];
    }

    public async IAsyncEnumerable<object?[]> QueryAsync(SqlQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = Command(connection, query);
        await using var registration = cancellationToken.Register(command.Cancel);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var width = reader.FieldCount;
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[width];
            for (var i = 0; i < width; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : WarehouseValues.Normalize(reader.GetValue(i));
            }

            yield return row;
        }
    }

    public async Task<int> ExecuteAsync(SqlQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = Command(connection, query);
        await using var registration = cancellationToken.Register(command.Cancel);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Creates (or replaces) the table, and its schema if missing, then appends the rows.</summary>
    public async Task LoadAsync(TableSchema table, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        await using var connection = await ConnectAsync(cancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = CreateTableSql(table);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        // The appender and the row source are synchronous; keep them off the caller's thread.
        await Task.Run(() => DuckDbAppenderLoad.Append(connection, table, rows, cancellationToken), cancellationToken);
    }

    public ValueTask DisposeAsync() => _root.DisposeAsync();

    private string CreateTableSql(TableSchema table)
    {
        var columns = string.Join(", ", table.Columns.Select(c => Dialect.QuoteIdentifier(c.Name) + " " + DuckDbTypes.Ddl(c.Type)));
        var create = $"CREATE OR REPLACE TABLE {Dialect.QuoteTable(table.Schema, table.Name)} ({columns});";
        return table.Schema is null ? create : $"CREATE SCHEMA IF NOT EXISTS {Dialect.QuoteIdentifier(table.Schema)}; {create}";
    }

    private async Task<DuckDBConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        // An in-memory database exists only through its first connection, so it is duplicated; a file database
        // opened again by path is shared by DuckDB.NET within the process.
        var connection = Path.StartsWith(InMemory, StringComparison.Ordinal)
            ? _root.Duplicate()
            : new DuckDBConnection(_root.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static DuckDBCommand Command(DuckDBConnection connection, SqlQuery query)
    {
        var command = connection.CreateCommand();
        command.CommandText = query.Sql;
        DuckDbParameters.Bind(command, query);
        return command;
    }
}
