using LinkedAudiences.Warehouses.Tests.Runs;

namespace LinkedAudiences.Warehouses.DuckDb.Tests.Runs;

/// <summary>The run scenarios on an in-memory DuckDB, fresh for every test.</summary>
public sealed class DuckDbRunTests : RunScenarioTests
{
    protected override IRunTestEngine CreateEngine() => new DuckDbRunEngine();
}
