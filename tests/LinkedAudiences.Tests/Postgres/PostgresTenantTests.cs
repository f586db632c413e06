using LinkedAudiences.Core.Runs;
using LinkedAudiences.Services.Runs;
using LinkedAudiences.Tests.Runs;
using Microsoft.Extensions.DependencyInjection;
using YesSql;
using static LinkedAudiences.Tests.Postgres.PostgresTenantsFixture;

namespace LinkedAudiences.Tests.Postgres;

/// <summary>
/// Two tenants on one PostgreSQL database with different table prefixes: each keeps its run state in la_* tables
/// under its own prefix, next to its YesSql tables, and each sees only its own runs of the same audience key.
/// </summary>
public sealed class PostgresTenantTests(PostgresTenantsFixture fixture) : IClassFixture<PostgresTenantsFixture>
{
    private const string Audience = "platinum-members";

    [Fact]
    public async Task EnableSameAudienceInTwoTenants_OnePostgresDatabase_EachSeesOnlyItsOwnRuns()
    {
        var firstMembers = (await RunsSupport.EngineMembersAsync(fixture.Warehouses[First], Audience)).Count;
        var secondMembers = (await RunsSupport.EngineMembersAsync(fixture.Warehouses[Second], Audience)).Count;

        var firstState = await EnableAsync(First);
        var secondState = await EnableAsync(Second);
        await RunNowAsync(Second);

        var firstRuns = await RunsAsync(First);
        var secondRuns = await RunsAsync(Second);
        Assert.NotEqual(firstMembers, secondMembers);
        Assert.Equal((true, true), (firstState, secondState));
        var firstRun = Assert.Single(firstRuns);
        Assert.Equal((RunStatus.Succeeded, RunTrigger.Enabled, (long)firstMembers), (firstRun.Status, firstRun.Trigger, firstRun.Summary.Members));
        Assert.Equal(2, secondRuns.Count);
        Assert.All(secondRuns, r => Assert.Equal((RunStatus.Succeeded, (long)secondMembers), (r.Status, r.Summary.Members)));
        Assert.Equal([RunTrigger.Manual, RunTrigger.Enabled], secondRuns.Select(r => r.Trigger));
        Assert.DoesNotContain(firstRun.RunId, secondRuns.Select(r => r.RunId));
        Assert.Equal(1, await PostgresServer.CountAsync(fixture.ConnectionString, $"SELECT COUNT(*) FROM pgone_la_run WHERE audience_key = '{Audience}'"));
        Assert.Equal(2, await PostgresServer.CountAsync(fixture.ConnectionString, $"SELECT COUNT(*) FROM pgtwo_la_run WHERE audience_key = '{Audience}'"));
        Assert.Equal(firstMembers, await PostgresServer.CountAsync(fixture.ConnectionString, $"SELECT COUNT(*) FROM pgone_la_outbox WHERE audience_key = '{Audience}' AND kind = 'ProfileEntered'"));
        Assert.Empty(fixture.Site.Logs.Errors);
    }

    [Fact]
    public async Task TenantStateStore_OnPostgres_UsesTheTenantsDatabaseAndYesSqlTablePrefix()
    {
        var (kind, prefix, yesSqlPrefix) = await fixture.InTenantAsync(First, async services =>
        {
            var state = services.GetRequiredService<TenantStateStore>();
            return (state.Location().Kind, state.TablePrefix, services.GetRequiredService<IStore>().Configuration.TablePrefix);
        });

        Assert.Equal(("postgres", "pgone_", "pgone_"), (kind, prefix, yesSqlPrefix));
        Assert.Equal(0, await PostgresServer.CountAsync(fixture.ConnectionString, "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'la_run'"));
        Assert.Equal(1, await PostgresServer.CountAsync(fixture.ConnectionString, "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'pgone_Document'"));
        Assert.Equal(1, await PostgresServer.CountAsync(fixture.ConnectionString, "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'pgtwo_Document'"));
    }

    private Task<bool> EnableAsync(string tenant) =>
        fixture.InTenantAsync(tenant, async services =>
            (await services.GetRequiredService<AudienceRuns>().EnableAsync(Audience, CancellationToken.None)).Enabled);

    private Task<bool> RunNowAsync(string tenant) =>
        fixture.InTenantAsync(tenant, async services =>
        {
            await services.GetRequiredService<AudienceRuns>().RunNowAsync(Audience, CancellationToken.None);
            return true;
        });

    private Task<IReadOnlyList<RunRecord>> RunsAsync(string tenant) =>
        fixture.InTenantAsync(tenant, services => services.GetRequiredService<AudienceRuns>().ListRunsAsync(Audience, CancellationToken.None));
}
