using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Storage.Tests.Support;
using LinkedAudiences.Testing;
using static LinkedAudiences.Storage.Tests.Support.TestRuns;

namespace LinkedAudiences.Storage.Tests;

/// <summary>
/// Table prefixes (an Orchard tenant's): stores with different prefixes in one database (one PostgreSQL schema) each
/// migrate and use tables of their own, and see nothing of each other's runs, outbox, leases, audiences or deliveries.
/// </summary>
public abstract class TablePrefixTests<TFixture>(TFixture fixture)
    where TFixture : StoreFixture
{
    private const int Steps = 4;

    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task Open_TwoPrefixesInOneDatabase_EachMigratesTablesOfItsOwn()
    {
        var location = fixture.NewLocation();

        await using var first = await StateStore.OpenAsync(location, "tenant1_", TimeProvider.System, _ct);
        await using var second = await StateStore.OpenAsync(location, "tenant2_", TimeProvider.System, _ct);

        Assert.Equal("tenant1_", first.TablePrefix);
        Assert.Equal(Steps, await fixture.CountAsync(location, "SELECT COUNT(*) FROM tenant1_la_schema_version"));
        Assert.Equal(Steps, await fixture.CountAsync(location, "SELECT COUNT(*) FROM tenant2_la_schema_version"));
        Assert.Equal(0, await fixture.CountAsync(location, "SELECT COUNT(*) FROM tenant2_la_outbox"));
        Assert.Equal(0, await TableCountAsync(location, "la_run"));
        Assert.Equal(2, await TableCountAsync(location, "%la_run"));
        Assert.Equal(2, await IndexCountAsync(location, "%la_run_audience"));
    }

    [Fact]
    public async Task CommitRun_UnderOnePrefix_OthersSeeNoRunsEventsOrVersion()
    {
        var location = fixture.NewLocation();
        await using var first = await StateStore.OpenAsync(location, "tenant1_", TimeProvider.System, _ct);
        await using var second = await StateStore.OpenAsync(location, "tenant2_", TimeProvider.System, _ct);
        await using var none = await StateStore.OpenAsync(location, TimeProvider.System, _ct);
        var key = NewAudienceKey();
        var run1 = Run(key, 1);
        var run2 = Run(key, 1);

        await first.Runs.CommitRunAsync(run1, Entered(run1, 0, 3), _ct);
        await second.Runs.CommitRunAsync(run2, Entered(run2, 10, 2), _ct);

        Assert.Equal([run1.RunId], (await first.Runs.ListRunsAsync(key, 10, _ct)).Select(r => r.RunId));
        Assert.Equal([run2.RunId], (await second.Runs.ListRunsAsync(key, 10, _ct)).Select(r => r.RunId));
        Assert.Empty(await none.Runs.ListRunsAsync(key, 10, _ct));
        Assert.Equal(["p0000000", "p0000001", "p0000002"], (await first.Runs.ReadOutboxAfterAsync(0, 100, _ct)).Select(e => e.Event.ProfileKey));
        Assert.Equal(["p0000010", "p0000011"], (await second.Runs.ReadOutboxAfterAsync(0, 100, _ct)).Select(e => e.Event.ProfileKey));
        Assert.Empty(await none.Runs.ReadOutboxAfterAsync(0, 100, _ct));
        Assert.Null(await second.Runs.FindRunAsync(run1.RunId, _ct));
        Assert.Equal(1, await second.Runs.GetCommittedVersionAsync(key, _ct));
        Assert.Equal(0, await none.Runs.GetCommittedVersionAsync(key, _ct));
        Assert.Equal(3, await fixture.CountAsync(location, "SELECT COUNT(*) FROM tenant1_la_outbox"));
    }

    [Fact]
    public async Task DeleteAudience_UnderOnePrefix_LeavesTheOtherPrefixsRuns()
    {
        var location = fixture.NewLocation();
        await using var first = await StateStore.OpenAsync(location, "tenant1_", TimeProvider.System, _ct);
        await using var second = await StateStore.OpenAsync(location, "tenant2_", TimeProvider.System, _ct);
        var key = NewAudienceKey();
        var run1 = Run(key, 1);
        var run2 = Run(key, 1);
        await first.Runs.CommitRunAsync(run1, Entered(run1, 0, 2), _ct);
        await second.Runs.CommitRunAsync(run2, Entered(run2, 0, 2), _ct);

        await first.Runs.DeleteAudienceAsync(key, _ct);

        Assert.Empty(await first.Runs.ListRunsAsync(key, 10, _ct));
        Assert.Single(await second.Runs.ListRunsAsync(key, 10, _ct));
        Assert.Equal(2, (await second.Runs.ReadOutboxAsync(run2.RunId, _ct).ToListAsync()).Count);
    }

    [Fact]
    public async Task TryAcquire_SameLeaseNameUnderTwoPrefixes_BothHoldIt()
    {
        var location = fixture.NewLocation();
        await using var first = await StateStore.OpenAsync(location, "tenant1_", TimeProvider.System, _ct);
        await using var second = await StateStore.OpenAsync(location, "tenant2_", TimeProvider.System, _ct);

        Assert.True(await first.Leases.TryAcquireAsync("audience:uc1", "instance-a", TimeSpan.FromMinutes(5), _ct));
        Assert.True(await second.Leases.TryAcquireAsync("audience:uc1", "instance-b", TimeSpan.FromMinutes(5), _ct));
        Assert.False(await first.Leases.TryAcquireAsync("audience:uc1", "instance-b", TimeSpan.FromMinutes(5), _ct));
    }

    [Fact]
    public async Task SaveAudienceAndEnqueueDeliveries_UnderOnePrefix_OtherPrefixFindsNothing()
    {
        var location = fixture.NewLocation();
        await using var first = await StateStore.OpenAsync(location, "tenant1_", TimeProvider.System, _ct);
        await using var second = await StateStore.OpenAsync(location, "tenant2_", TimeProvider.System, _ct);
        var definition = LinkedAudiencesJson.ParseAudience("""
            { "target": { "type": "profile" },
              "groups": [ { "conditions": [ { "kind": "trait", "trait": "plan", "operator": "equals", "value": "pro" } ] } ] }
            """);
        var run = Run("aud", 1);
        var record = new DeliveryRecord
        {
            ActivationKey = "act",
            Event = Event(run, "p1"),
            Position = 1,
            State = DeliveryState.Pending,
            NextAttemptAt = Anchor,
            UpdatedAt = Anchor,
        };

        await first.Audiences.SaveAudienceAsync("uc1", definition, new AudienceSettings { Name = "Pro", GraphKey = "demo" }, _ct);
        await first.Deliveries.EnqueueAsync("act", [record], 1, _ct);

        Assert.NotNull(await first.Audiences.GetAudienceAsync("uc1", null, _ct));
        Assert.Null(await second.Audiences.GetAudienceAsync("uc1", null, _ct));
        Assert.Equal(1, await first.Deliveries.GetCursorAsync("act", _ct));
        Assert.Equal(0, await second.Deliveries.GetCursorAsync("act", _ct));
        Assert.Null(await second.Deliveries.FindAsync("act", record.Event.MessageId, _ct));
    }

    [Theory]
    [InlineData("1tenant_")]
    [InlineData("tenant-1_")]
    [InlineData("t; DROP TABLE la_run; --")]
    [InlineData("a_prefix_much_longer_than_forty_characters_")]
    public async Task Open_PrefixNotAnIdentifier_ThrowsNamingIt(string prefix)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => StateStore.OpenAsync(fixture.Location, prefix, TimeProvider.System, _ct));

        Assert.Contains($"'{prefix}'", error.Message, StringComparison.Ordinal);
    }

    private Task<long> TableCountAsync(StateStoreLocation location, string pattern) =>
        fixture.CountAsync(location, fixture.Engine == "sqlite"
            ? $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name LIKE '{pattern}'"
            : $"SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE '{pattern}'");

    private Task<long> IndexCountAsync(StateStoreLocation location, string pattern) =>
        fixture.CountAsync(location, fixture.Engine == "sqlite"
            ? $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE '{pattern}'"
            : $"SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE '{pattern}'");
}

public sealed class SqliteTablePrefixTests(SqliteStoreFixture fixture) : TablePrefixTests<SqliteStoreFixture>(fixture), IClassFixture<SqliteStoreFixture>;

public sealed class PostgresTablePrefixTests(PostgresStoreFixture fixture) : TablePrefixTests<PostgresStoreFixture>(fixture), IClassFixture<PostgresStoreFixture>;
