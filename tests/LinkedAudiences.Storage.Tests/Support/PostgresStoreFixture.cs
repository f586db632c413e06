using LinkedAudiences.Core.State;
using Npgsql;

namespace LinkedAudiences.Storage.Tests.Support;

/// <summary>A fresh schema per location (named in the connection string's Search Path; the store creates it), dropped afterwards.</summary>
public sealed class PostgresStoreFixture : StoreFixture
{
    public override string Engine => "postgres";

    public override async Task<object?> ScalarAsync(StateStoreLocation location, string sql)
    {
        await using var connection = new NpgsqlConnection(location.Value);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    protected override StateStoreLocation CreateLocation(string name) =>
        new(StateStoreLocation.Postgres, new NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString) { SearchPath = name }.ToString());

    protected override async Task DropAsync(StateStoreLocation location)
    {
        var builder = new NpgsqlConnectionStringBuilder(location.Value);
        var schema = builder.SearchPath!;
        builder.SearchPath = null;
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
