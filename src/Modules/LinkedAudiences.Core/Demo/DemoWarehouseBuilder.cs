using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Demo;

/// <summary>Fills a warehouse with the demo world, table by table (each table replaced if it exists).</summary>
public static class DemoWarehouseBuilder
{
    public static Task BuildAsync(IBulkLoader loader, DemoWarehouseOptions options, CancellationToken cancellationToken) =>
        BuildAsync(loader, options, maxParallelism: 1, cancellationToken);

    /// <summary>
    /// Loads up to <paramref name="maxParallelism"/> tables at once (each table generates its own rows, so they are
    /// independent); only for loaders that accept concurrent loads of different tables, as the DuckDB and PostgreSQL
    /// connectors do.
    /// </summary>
    public static async Task BuildAsync(IBulkLoader loader, DemoWarehouseOptions options, int maxParallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallelism, 1);
        var tables = DemoWarehouseGenerator.Generate(options).ToList();
        if (maxParallelism == 1)
        {
            foreach (var table in tables)
            {
                await loader.LoadAsync(table.Schema, table.Rows, cancellationToken);
            }

            return;
        }

        // Biggest first, so that the long tables do not end up running alone at the end.
        var byWeight = tables.OrderByDescending(t => Weight(t.Schema.Name));
        await Parallel.ForEachAsync(
            byWeight,
            new ParallelOptions { MaxDegreeOfParallelism = maxParallelism, CancellationToken = cancellationToken },
            async (table, ct) => await loader.LoadAsync(table.Schema, table.Rows, ct));
    }

    private static int Weight(string table) => table switch
    {
        "transactions" => 10,
        "events" => 9,
        "profiles" => 6,
        "orders" => 4,
        _ => 1,
    };
}
