using LinkedAudiences.Warehouses.DuckDb.Tests.Runs;
using LinkedAudiences.Warehouses.Tests.Activations;
using LinkedAudiences.Warehouses.Tests.Runs;

namespace LinkedAudiences.Warehouses.DuckDb.Tests.Activations;

/// <summary>The activation end-to-end on the embedded DuckDB warehouse.</summary>
public sealed class DuckDbActivationEndToEndTests : ActivationEndToEndTests
{
    protected override IRunTestEngine CreateEngine() => new DuckDbRunEngine();
}
