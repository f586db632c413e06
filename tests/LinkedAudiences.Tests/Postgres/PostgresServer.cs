using Npgsql;

namespace LinkedAudiences.Tests.Postgres;

/// <summary>The PostgreSQL server of LA_TEST_POSTGRES: without it the tests fail, saying how to start one.</summary>
internal static class PostgresServer
{
    public const string Variable = "LA_TEST_POSTGRES";

    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            return string.IsNullOrWhiteSpace(value)
                ? throw new InvalidOperationException(
                    $"{Variable} is not set. The PostgreSQL tenant tests need a PostgreSQL server: run `export {Variable}=$(bash scripts/start-postgres.sh)` from the repository root, then run the tests again.")
                : value;
        }
    }

    /// <summary>Creates a database of its own and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
