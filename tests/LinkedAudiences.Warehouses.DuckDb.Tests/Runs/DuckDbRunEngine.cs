using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Warehouses.Tests.Runs;

namespace LinkedAudiences.Warehouses.DuckDb.Tests.Runs;

/// <summary>A private in-memory DuckDB per test; snapshots in the default "linked_audiences" schema.</summary>
internal sealed class DuckDbRunEngine : IRunTestEngine
{
    private DuckDbWarehouse? _duckDb;

    public string SnapshotSchema => "linked_audiences";

    public async Task<(IWarehouse Warehouse, IBulkLoader Loader)> OpenAsync()
    {
        _duckDb = await DuckDbWarehouse.OpenAsync(DuckDbWarehouse.InMemory, DuckDbDialect.Instance, CancellationToken.None);
        return (_duckDb, _duckDb);
    }

    public async Task CloseAsync()
    {
        if (_duckDb is not null)
        {
            await _duckDb.DisposeAsync();
        }
    }
}
