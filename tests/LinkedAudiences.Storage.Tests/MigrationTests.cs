using LinkedAudiences.Storage.Tests.Support;

namespace LinkedAudiences.Storage.Tests;

/// <summary>Migrations run on open, once per step, also when several instances open a new store together.</summary>
public abstract class MigrationTests<TFixture>(TFixture fixture)
    where TFixture : StoreFixture
{
    private const int Steps = 4;

    [Fact]
    public async Task Open_NewLocation_AppliesEveryStepOnce()
    {
        var location = fixture.NewLocation();

        await using var store = await StateStore.OpenAsync(location, TimeProvider.System, CancellationToken.None);

        Assert.Equal(Steps, store.SchemaVersion);
        Assert.Equal(Steps, await fixture.CountAsync(location, "SELECT COUNT(*) FROM la_schema_version"));
        Assert.Equal(Steps, await fixture.CountAsync(location, "SELECT MAX(version) FROM la_schema_version"));
        Assert.Equal(0, await fixture.CountAsync(location, "SELECT COUNT(*) FROM la_outbox"));
    }

    [Fact]
    public async Task Open_Again_AppliesNothing()
    {
        var location = fixture.NewLocation();
        await (await StateStore.OpenAsync(location, TimeProvider.System, CancellationToken.None)).DisposeAsync();
        var firstApplied = await fixture.ScalarAsync(location, "SELECT applied_at FROM la_schema_version WHERE version = 1");
        await using (var store = await StateStore.OpenAsync(location, TimeProvider.System, CancellationToken.None))
        {
            await store.Audiences.SaveGraphAsync("g", Core.Demo.DemoGraph.Graph, CancellationToken.None);
        }

        await using var again = await StateStore.OpenAsync(location, TimeProvider.System, CancellationToken.None);

        Assert.Equal(Steps, await fixture.CountAsync(location, "SELECT COUNT(*) FROM la_schema_version"));
        Assert.Equal(firstApplied, await fixture.ScalarAsync(location, "SELECT applied_at FROM la_schema_version WHERE version = 1"));
        Assert.Equal(1, (await again.Audiences.GetGraphAsync("g", null, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Open_ManyInstancesAtOnce_ApplyEachStepOnce()
    {
        var location = fixture.NewLocation();

        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => StateStore.OpenAsync(location, TimeProvider.System, CancellationToken.None))));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        Assert.All(stores, s => Assert.Equal(Steps, s.SchemaVersion));
        Assert.Equal(Steps, await fixture.CountAsync(location, "SELECT COUNT(*) FROM la_schema_version"));
    }

    [Fact]
    public async Task Open_SchemaNewerThanThisBuild_ThrowsNamingBothVersions()
    {
        var location = fixture.NewLocation();
        await (await StateStore.OpenAsync(location, TimeProvider.System, CancellationToken.None)).DisposeAsync();
        await fixture.ScalarAsync(location, "INSERT INTO la_schema_version (version, description, applied_at) VALUES (99, 'from the future', (SELECT applied_at FROM la_schema_version WHERE version = 1))");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StateStore.OpenAsync(location, TimeProvider.System, CancellationToken.None));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains($"({Steps})", error.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteMigrationTests(SqliteStoreFixture fixture) : MigrationTests<SqliteStoreFixture>(fixture), IClassFixture<SqliteStoreFixture>;

public sealed class PostgresMigrationTests(PostgresStoreFixture fixture) : MigrationTests<PostgresStoreFixture>(fixture), IClassFixture<PostgresStoreFixture>;
