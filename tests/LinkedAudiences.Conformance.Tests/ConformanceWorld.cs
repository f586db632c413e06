using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Testing.Generation;
using LinkedAudiences.Testing.Oracle;
using LinkedAudiences.Warehouses.DuckDb;
using LinkedAudiences.Warehouses.PostgreSql;
using Npgsql;

namespace LinkedAudiences.Conformance.Tests;

/// <summary>
/// The same seeded demo world three times: in memory for the reference evaluator, in an in-memory DuckDB and in a fresh
/// schema of a real PostgreSQL server (LA_TEST_POSTGRES, started by scripts/test.sh).
/// </summary>
public class ConformanceWorld : IAsyncLifetime
{
    protected virtual int Profiles => 400;

    protected virtual int Seed => 20261101;

    private readonly string _schema = "la_conformance_" + Guid.NewGuid().ToString("N")[..12];

    public InMemoryWarehouse Data { get; private set; } = null!;

    public EngineUnderTest DuckDb { get; private set; } = null!;

    public EngineUnderTest PostgreSql { get; private set; } = null!;

    public DemoWarehouseOptions Options => new() { Profiles = Profiles, Seed = Seed };

    public async Task InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("LA_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "LA_TEST_POSTGRES is not set: the differential test needs a PostgreSQL server. Run the suite with `bash scripts/test.sh`, " +
                "or start one with `export LA_TEST_POSTGRES=$(bash scripts/start-postgres.sh)`.");
        }

        Data = InMemoryWarehouse.From(DemoWarehouseGenerator.Generate(Options));

        var duck = await DuckDbWarehouse.OpenAsync(":memory:", DuckDbDialect.Instance, CancellationToken.None);
        await DemoWarehouseBuilder.BuildAsync(duck, Options, CancellationToken.None);
        DuckDb = new EngineUnderTest("duckdb", duck, GeneratedCase.MembershipTable);

        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA \"{_schema}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var pg = await PostgreSqlWarehouse.OpenAsync(connectionString, PostgreSqlDialect.Instance, _schema, CancellationToken.None);
        await DemoWarehouseBuilder.BuildAsync(pg, Options, CancellationToken.None);
        PostgreSql = new EngineUnderTest("postgres", pg, GeneratedCase.MembershipTable with { Schema = _schema });
    }

    public async Task DisposeAsync()
    {
        await DuckDb.DisposeAsync();
        await PostgreSql.DisposeAsync();
        var connectionString = Environment.GetEnvironmentVariable("LA_TEST_POSTGRES")!;
        await using var admin = new NpgsqlConnection(connectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
