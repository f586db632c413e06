using LinkedAudiences.Warehouses.PostgreSql.Tests.Runs;
using LinkedAudiences.Warehouses.Tests.Activations;
using LinkedAudiences.Warehouses.Tests.Runs;

namespace LinkedAudiences.Warehouses.PostgreSql.Tests.Activations;

/// <summary>The activation end-to-end on PostgreSQL (LA_TEST_POSTGRES), write-back included.</summary>
public sealed class PostgreSqlActivationEndToEndTests : ActivationEndToEndTests
{
    protected override IRunTestEngine CreateEngine() => new PostgreSqlRunEngine();
}
