using LinkedAudiences.Warehouses.Tests.Runs;

namespace LinkedAudiences.Warehouses.PostgreSql.Tests.Runs;

/// <summary>The demo-world churn on PostgreSQL (LA_TEST_POSTGRES).</summary>
public sealed class PostgreSqlDemoChurnTests : DemoChurnTests
{
    protected override IRunTestEngine CreateEngine() => new PostgreSqlRunEngine();
}
