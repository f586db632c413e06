using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Warehouses.Tests.Runs;

namespace LinkedAudiences.Warehouses.DuckDb.Tests.Runs;

/// <summary>The run scenarios on an in-memory DuckDB, fresh for every test.</summary>
public sealed class DuckDbRunTests : RunScenarioTests
{
    private DuckDbWarehouse? _duckDb;

    protected override string SnapshotSchema => "linked_audiences";

    protected override async Task<(IWarehouse Warehouse, IBulkLoader Loader)> OpenAsync()
    {
        _duckDb = await DuckDbWarehouse.OpenAsync(DuckDbWarehouse.InMemory, DuckDbDialect.Instance, CancellationToken.None);
        return (_duckDb, _duckDb);
    }

    protected override async Task CloseAsync()
    {
        if (_duckDb is not null)
        {
            await _duckDb.DisposeAsync();
        }
    }
}
