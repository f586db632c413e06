using System.Globalization;
using Npgsql;

namespace LinkedAudiences.Cli.Tests.Support;

/// <summary>
/// The demo world loaded by the CLI's demo-warehouse verb into a fresh schema of the PostgreSQL server named by
/// LA_TEST_POSTGRES (dropped afterwards). Without that variable the tests using it fail, saying how to start one.
/// </summary>
public sealed class PostgreSqlDemoWorld : IAsyncLifetime
{
    private readonly string _schema = "la_cli_" + Guid.NewGuid().ToString("N")[..12];

    private string _server = "";

    /// <summary>The --warehouse argument: the server with the schema first on the search path.</summary>
    public string Warehouse { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable("LA_TEST_POSTGRES") ?? "";
        if (string.IsNullOrWhiteSpace(_server))
        {
            throw new InvalidOperationException(
                "LA_TEST_POSTGRES is not set: the CLI's PostgreSQL test needs a server. Run the suite with `bash scripts/test.sh`, " +
                "or start one with `export LA_TEST_POSTGRES=$(bash scripts/start-postgres.sh)`.");
        }

        await ExecuteAsync($"CREATE SCHEMA \"{_schema}\"");
        Warehouse = "postgres:" + new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ConnectionString;

        var created = await CommandLine.RunAsync("demo-warehouse", "--profiles", DemoWorld.Profiles.ToString(CultureInfo.InvariantCulture),
            "--seed", DemoWorld.Seed.ToString(CultureInfo.InvariantCulture), "--warehouse", Warehouse);
        if (created.ExitCode != 0)
        {
            throw new InvalidOperationException("demo-warehouse into PostgreSQL failed: " + created);
        }
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        if (!string.IsNullOrWhiteSpace(_server))
        {
            await ExecuteAsync($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
