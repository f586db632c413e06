using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Demo;

/// <summary>Fills a warehouse with the demo world, table by table (each table replaced if it exists).</summary>
public static class DemoWarehouseBuilder
{
    public static async Task BuildAsync(IBulkLoader loader, DemoWarehouseOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loader);
        foreach (var table in DemoWarehouseGenerator.Generate(options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await loader.LoadAsync(table.Schema, table.Rows, cancellationToken);
        }
    }
}
