using LinkedAudiences.Cli.Tests.Support;

namespace LinkedAudiences.Cli.Tests;

/// <summary>The same CLI run against PostgreSQL (LA_TEST_POSTGRES) and against the DuckDB file of the same demo world.</summary>
[Collection(SharedDemoWorld.Name)]
public sealed class PostgreSqlMembersTests(DemoWorld world, PostgreSqlDemoWorld postgres) : IClassFixture<PostgreSqlDemoWorld>
{
    [Fact]
    public async Task DemoWarehouse_IntoAPostgreSqlSchema_LoadsTheProfiles()
    {
        Assert.Equal(DemoWorld.Profiles, await postgres.ScalarAsync("SELECT COUNT(*) FROM profiles"));
        Assert.Equal(
            await DuckDbFiles.ScalarAsync(world.DatabaseFile, "SELECT COUNT(*) FROM transactions"),
            await postgres.ScalarAsync("SELECT COUNT(*) FROM transactions"));
    }

    [Fact]
    public async Task Members_EveryExampleAudienceOnPostgreSql_SameMembersAsDuckDbAndTheReferenceEvaluator()
    {
        foreach (var key in RepositoryFiles.ExampleAudienceKeys())
        {
            var audience = RepositoryFiles.ExampleAudience(key);
            string[] args = ["members", "--graph", RepositoryFiles.DemoGraph, "--audience", audience, "--as-of", CommandLine.AsOf, "--warehouse"];

            var onPostgres = await CommandLine.RunAsync([.. args, postgres.Warehouse]);
            var onDuckDb = await CommandLine.RunAsync([.. args, world.Warehouse]);

            Assert.True(onPostgres.ExitCode == 0, key + ": " + onPostgres);
            Assert.True(onDuckDb.ExitCode == 0, key + ": " + onDuckDb);
            Assert.Equal("", onPostgres.Stderr);
            var expected = world.ExpectedMembers(DemoWorld.ReadAudience(audience)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, onPostgres.StdoutLines.Order(StringComparer.Ordinal));
            Assert.Equal(onDuckDb.StdoutLines.Order(StringComparer.Ordinal), onPostgres.StdoutLines.Order(StringComparer.Ordinal));
        }
    }
}
