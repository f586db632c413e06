using LinkedAudiences.Core.Demo;
using LinkedAudiences.Warehouses.DuckDb;
using LinkedAudiences.Warehouses.Tests.Support;

namespace LinkedAudiences.Warehouses.PostgreSql.Tests.Support;

/// <summary>The demo world at 2,000 profiles loaded into this class's PostgreSQL schema and into an in-memory DuckDB.</summary>
public sealed class DemoBothFixture : PostgresSchemaFixture
{
    public static DemoWarehouseOptions Options { get; } = new() { Profiles = 2_000 };

    private DuckDbWarehouse? _duckDb;

    public DuckDbWarehouse DuckDb => _duckDb ?? throw new InvalidOperationException("Not initialized.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DemoWarehouseBuilder.BuildAsync(Warehouse, Options, CancellationToken.None);
        _duckDb = await DuckDbWarehouse.OpenAsync(DuckDbWarehouse.InMemory, TestDialect.DuckDb, CancellationToken.None);
        await DemoWarehouseBuilder.BuildAsync(_duckDb, Options, CancellationToken.None);
    }

    public override async Task DisposeAsync()
    {
        if (_duckDb is not null)
        {
            await _duckDb.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
