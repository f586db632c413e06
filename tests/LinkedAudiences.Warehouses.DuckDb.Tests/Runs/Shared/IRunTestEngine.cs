using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Warehouses.Tests.Runs;

/// <summary>One warehouse engine as the run tests use it: a fresh, empty warehouse per test and a snapshot schema of its own.</summary>
public interface IRunTestEngine
{
    string SnapshotSchema { get; }

    Task<(IWarehouse Warehouse, IBulkLoader Loader)> OpenAsync();

    Task CloseAsync();
}
