using System.Runtime.CompilerServices;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;
using Npgsql;

namespace LinkedAudiences.Warehouses.PostgreSql;

/// <summary>
/// A PostgreSQL database as a warehouse, over a pooled <see cref="NpgsqlDataSource"/>. With a schema, connections
/// search that schema first (unqualified names in compiled SQL resolve there) and loads without a schema go there.
/// Sessions run in UTC; timestamps are "timestamp without time zone". Commands have no timeout unless the connection
/// string sets one: cancellation tokens bound them.
/// </summary>
public sealed class PostgreSqlWarehouse : IWarehouse, IBulkLoader
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgreSqlWarehouse(NpgsqlDataSource dataSource, SqlDialect dialect, string? schema)
    {
        _dataSource = dataSource;
        Dialect = dialect;
        Schema = schema;
    }

    public SqlDialect Dialect { get; }

    /// <summary>The schema unqualified names resolve to, or null for the connection's own search path.</summary>
    public string? Schema { get; }

    /// <summary>Connects once (so a wrong connection string fails here, not at the first query) and returns the warehouse.</summary>
    public static async Task<PostgreSqlWarehouse> OpenAsync(string connectionString, SqlDialect dialect, string? schema, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(dialect);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.Timezone = "UTC";
        if (!SetsCommandTimeout(connectionString))
        {
            // Audience queries and loads over millions of rows outlast Npgsql's 30 s default; callers bound them with
            // their cancellation token instead.
            builder.ConnectionStringBuilder.CommandTimeout = 0;
        }

        if (!string.IsNullOrEmpty(schema))
        {
            builder.ConnectionStringBuilder.SearchPath = dialect.QuoteIdentifier(schema);
        }

        var dataSource = builder.Build();
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return new PostgreSqlWarehouse(dataSource, dialect, string.IsNullOrEmpty(schema) ? null : schema);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Tables, views and foreign tables the connection may read. Those of the default schema (the configured one,
    /// else current_schema()) are reported with a null schema, as the data graph names them when it gives none.
    /// </summary>
    public async Task<IReadOnlyList<WarehouseTable>> DescribeTablesAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), t.typname,
                   n.nspname = coalesce($1, current_schema()) AS is_default
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
              AND has_table_privilege(c.oid, 'SELECT')
            ORDER BY n.nspname, c.relname, a.attnum
            """;
        var columns = new List<(string? Schema, string Table, WarehouseColumn Column)>();
        await foreach (var row in QueryAsync(new SqlQuery(sql, [new SqlParameter("schema", Schema)]), cancellationToken))
        {
            var (type, isJson) = PostgreSqlTypes.Map((string)row[4]!);
            var schema = row[5] is true ? null : (string)row[0]!;
            columns.Add((schema, (string)row[1]!, new WarehouseColumn((string)row[2]!, (string)row[3]!, type, isJson)));
        }

        return [.. columns
            .GroupBy(c => (c.Schema, c.Table))
            .Select(g => new WarehouseTable(g.Key.Schema, g.Key.Table, [.. g.Select(c => c.Column)]))];
    }

    public async IAsyncEnumerable<object?[]> QueryAsync(SqlQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, query);
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
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, query);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Creates (or replaces) the table and its schema if missing, fills it with binary COPY and analyzes it, in one
    /// transaction: a failed load leaves the previous table in place.
    /// </summary>
    public async Task LoadAsync(TableSchema table, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        var schema = table.Schema ?? Schema;
        var qualified = Dialect.QuoteTable(schema, table.Name);
        var columns = string.Join(", ", table.Columns.Select(c => Dialect.QuoteIdentifier(c.Name)));
        var definitions = string.Join(", ", table.Columns.Select(c => Dialect.QuoteIdentifier(c.Name) + " " + PostgreSqlTypes.Ddl(c.Type)));

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        if (schema is not null)
        {
            await EnsureSchemaAsync(connection, schema, cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var create = $"DROP TABLE IF EXISTS {qualified}; CREATE TABLE {qualified} ({definitions});";
        await using (var command = new NpgsqlCommand(create, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await PostgreSqlCopyLoad.CopyAsync(connection, qualified, table, columns, rows, cancellationToken);
        await using (var analyze = new NpgsqlCommand($"ANALYZE {qualified}", connection, transaction))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task EnsureSchemaAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {Dialect.QuoteIdentifier(schema)}", connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateSchema)
        {
            // Two loads creating the same schema at once: "IF NOT EXISTS" is not atomic in PostgreSQL; the other one won.
        }
    }

    private static bool SetsCommandTimeout(string connectionString)
    {
        var keys = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys;
        return keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", string.Empty, StringComparison.Ordinal), "CommandTimeout", StringComparison.OrdinalIgnoreCase));
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, SqlQuery query)
    {
        var command = new NpgsqlCommand(query.Sql, connection);
        PostgreSqlParameters.Bind(command, query);
        return command;
    }
}
