using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Warehouses.DuckDb;

namespace LinkedAudiences.Warehouses.Tests.Support;

/// <summary>The demo world at 2,000 profiles (seed 42) in an in-memory DuckDB, built once per test class.</summary>
public sealed class DemoDuckDbFixture : IAsyncLifetime
{
    public static DemoWarehouseOptions Options { get; } = new() { Profiles = 2_000 };

    public static DateTime AsOf { get; } = DateTime.SpecifyKind(DemoWarehouseOptions.DefaultAnchor.UtcDateTime, DateTimeKind.Unspecified);

    private DuckDbWarehouse? _warehouse;

    public DuckDbWarehouse Warehouse => _warehouse ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        _warehouse = await DuckDbWarehouse.OpenAsync(DuckDbWarehouse.InMemory, TestDialect.DuckDb, CancellationToken.None);
        await DemoWarehouseBuilder.BuildAsync(_warehouse, Options, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_warehouse is not null)
        {
            await _warehouse.DisposeAsync();
        }
    }

    public async Task<object?> ScalarAsync(string sql, params object?[] parameters)
    {
        var query = new SqlQuery(sql, [.. parameters.Select((p, i) => new SqlParameter("p" + i, p))]);
        await foreach (var row in Warehouse.QueryAsync(query, CancellationToken.None))
        {
            return row[0];
        }

        throw new InvalidOperationException("No row: " + sql);
    }

    public async Task<long> CountAsync(string sql, params object?[] parameters) => (long)(await ScalarAsync(sql, parameters))!;
}
