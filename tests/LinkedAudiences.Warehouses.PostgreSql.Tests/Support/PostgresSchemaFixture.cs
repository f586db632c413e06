using LinkedAudiences.Core.Sql;
using LinkedAudiences.Warehouses.Tests.Support;
using Npgsql;

namespace LinkedAudiences.Warehouses.PostgreSql.Tests.Support;

/// <summary>A fresh schema per test class (dropped with everything in it afterwards) and a warehouse searching it first.</summary>
public class PostgresSchemaFixture : IAsyncLifetime
{
    private PostgreSqlWarehouse? _warehouse;

    public string Schema { get; } = "la_test_" + Guid.NewGuid().ToString("N")[..12];

    public PostgreSqlWarehouse Warehouse => _warehouse ?? throw new InvalidOperationException("Not initialized.");

    public virtual async Task InitializeAsync()
    {
        await AdminAsync($"CREATE SCHEMA \"{Schema}\"");
        _warehouse = await PostgreSqlWarehouse.OpenAsync(PostgresTestServer.ConnectionString, TestDialect.Postgres, Schema, CancellationToken.None);
    }

    public virtual async Task DisposeAsync()
    {
        if (_warehouse is not null)
        {
            await _warehouse.DisposeAsync();
            await AdminAsync($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE");
        }
    }

    public async Task<List<object?[]>> RowsAsync(string sql, params object?[] parameters)
    {
        var query = new SqlQuery(sql, [.. parameters.Select((p, i) => new SqlParameter("p" + i, p))]);
        var rows = new List<object?[]>();
        await foreach (var row in Warehouse.QueryAsync(query, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresTestServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
