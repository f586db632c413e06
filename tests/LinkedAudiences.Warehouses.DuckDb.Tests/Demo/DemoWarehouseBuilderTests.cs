using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Warehouses.Tests.Support;

namespace LinkedAudiences.Warehouses.DuckDb.Tests.Demo;

public sealed class DemoWarehouseBuilderTests
{
    private static readonly DemoWarehouseOptions Options = new() { Profiles = 300, Seed = 5 };

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task BuildAsync_AnyParallelism_EveryTableLoadedAsGenerated(int parallelism)
    {
        await using var warehouse = await DuckDbWarehouse.OpenAsync(DuckDbWarehouse.InMemory, TestDialect.DuckDb, CancellationToken.None);

        await DemoWarehouseBuilder.BuildAsync(warehouse, Options, parallelism, CancellationToken.None);

        foreach (var table in DemoWarehouseGenerator.Generate(Options))
        {
            var rows = new List<object?[]>();
            await foreach (var row in warehouse.QueryAsync(SqlQuery.Text($"SELECT * FROM \"{table.Schema.Name}\""), CancellationToken.None))
            {
                rows.Add(row);
            }

            Assert.Equal(RowHashing.UnorderedHash(table.Rows, table.Schema), RowHashing.UnorderedHash(rows, table.Schema));
        }
    }

    [Fact]
    public async Task BuildAsync_Sequential_LoadsTablesInSchemaOrder()
    {
        var loader = new RecordingLoader();

        await DemoWarehouseBuilder.BuildAsync(loader, Options, CancellationToken.None);

        Assert.Equal(DemoWarehouseSchema.All.Select(t => t.Name), loader.Tables);
    }

    [Fact]
    public async Task BuildAsync_ZeroParallelism_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => DemoWarehouseBuilder.BuildAsync(new RecordingLoader(), Options, 0, CancellationToken.None));
    }

    [Fact]
    public async Task BuildAsync_Cancelled_StopsBeforeLoading()
    {
        var loader = new RecordingLoader();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DemoWarehouseBuilder.BuildAsync(loader, Options, 2, cts.Token));
        Assert.Empty(loader.Tables);
    }

    private sealed class RecordingLoader : IBulkLoader
    {
        public List<string> Tables { get; } = [];

        public Task LoadAsync(TableSchema table, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (Tables)
            {
                Tables.Add(table.Name);
            }

            return Task.CompletedTask;
        }
    }
}
