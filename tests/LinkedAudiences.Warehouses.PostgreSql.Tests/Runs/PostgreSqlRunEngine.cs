using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Warehouses.PostgreSql.Tests.Support;
using LinkedAudiences.Warehouses.Tests.Runs;
using Npgsql;

namespace LinkedAudiences.Warehouses.PostgreSql.Tests.Runs;

/// <summary>PostgreSQL for one test: a fresh schema for its data (searched first) and another for its snapshots, both dropped after.</summary>
internal sealed class PostgreSqlRunEngine : IRunTestEngine
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];
    private PostgreSqlWarehouse? _warehouse;

    public string SnapshotSchema => "la_snap_" + _suffix;

    private string DataSchema => "la_runs_" + _suffix;

    public async Task<(IWarehouse Warehouse, IBulkLoader Loader)> OpenAsync()
    {
        await AdminAsync($"CREATE SCHEMA \"{DataSchema}\"");
        _warehouse = await PostgreSqlWarehouse.OpenAsync(PostgresTestServer.ConnectionString, PostgreSqlDialect.Instance, DataSchema, CancellationToken.None);
        return (_warehouse, _warehouse);
    }

    public async Task CloseAsync()
    {
        if (_warehouse is not null)
        {
            await _warehouse.DisposeAsync();
            await AdminAsync($"DROP SCHEMA IF EXISTS \"{DataSchema}\" CASCADE; DROP SCHEMA IF EXISTS \"{SnapshotSchema}\" CASCADE");
        }
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresTestServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
