using LinkedAudiences.Warehouses.Tests.Runs;

namespace LinkedAudiences.Warehouses.PostgreSql.Tests.Runs;

/// <summary>The run scenarios on PostgreSQL (LA_TEST_POSTGRES), fresh schemas for every test.</summary>
public sealed class PostgreSqlRunTests : RunScenarioTests
{
    protected override IRunTestEngine CreateEngine() => new PostgreSqlRunEngine();
}
