using LinkedAudiences.Warehouses.Tests.Runs;

namespace LinkedAudiences.Warehouses.DuckDb.Tests.Runs;

/// <summary>The demo-world churn on an in-memory DuckDB.</summary>
public sealed class DuckDbDemoChurnTests : DemoChurnTests
{
    protected override IRunTestEngine CreateEngine() => new DuckDbRunEngine();
}
