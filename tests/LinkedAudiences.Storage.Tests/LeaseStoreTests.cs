using LinkedAudiences.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LinkedAudiences.Storage.Tests;

/// <summary>One holder at a time, takeover after expiry, renew and release by the owner only.</summary>
public abstract class LeaseStoreTests<TFixture>(TFixture fixture)
    where TFixture : StoreFixture
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task TryAcquire_Free_FirstOwnerGetsItSecondDoesNot()
    {
        var leases = fixture.Store.Leases;
        var name = NewName();

        Assert.True(await leases.TryAcquireAsync(name, "host-a", Minute, _ct));
        Assert.False(await leases.TryAcquireAsync(name, "host-b", Minute, _ct));
        Assert.True(await leases.TryAcquireAsync(name, "host-a", Minute, _ct));
    }

    [Fact]
    public async Task TryAcquire_Expired_AnotherOwnerTakesOverAndTheFirstLosesIt()
    {
        var time = new FakeTimeProvider(TestRuns.Anchor);
        await using var store = await fixture.OpenAsync(time);
        var name = NewName();
        Assert.True(await store.Leases.TryAcquireAsync(name, "host-a", Minute, _ct));

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(await store.Leases.TryAcquireAsync(name, "host-b", Minute, _ct));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await store.Leases.TryAcquireAsync(name, "host-b", Minute, _ct));

        Assert.False(await store.Leases.RenewAsync(name, "host-a", Minute, _ct));
        await store.Leases.ReleaseAsync(name, "host-a", _ct);
        Assert.False(await store.Leases.TryAcquireAsync(name, "host-c", Minute, _ct));
    }

    [Fact]
    public async Task Renew_Holder_PushesTheExpiryBack()
    {
        var time = new FakeTimeProvider(TestRuns.Anchor);
        await using var store = await fixture.OpenAsync(time);
        var name = NewName();
        await store.Leases.TryAcquireAsync(name, "host-a", Minute, _ct);

        time.Advance(TimeSpan.FromSeconds(50));
        Assert.True(await store.Leases.RenewAsync(name, "host-a", Minute, _ct));

        time.Advance(TimeSpan.FromSeconds(40));
        Assert.False(await store.Leases.TryAcquireAsync(name, "host-b", Minute, _ct));
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await store.Leases.TryAcquireAsync(name, "host-b", Minute, _ct));
    }

    [Fact]
    public async Task Renew_ExpiredButNotTakenOver_StillHolds()
    {
        var time = new FakeTimeProvider(TestRuns.Anchor);
        await using var store = await fixture.OpenAsync(time);
        var name = NewName();
        await store.Leases.TryAcquireAsync(name, "host-a", Minute, _ct);

        time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(await store.Leases.RenewAsync(name, "host-a", Minute, _ct));
        Assert.False(await store.Leases.TryAcquireAsync(name, "host-b", Minute, _ct));
    }

    [Fact]
    public async Task Release_Holder_FreesItForOthers()
    {
        var leases = fixture.Store.Leases;
        var name = NewName();
        await leases.TryAcquireAsync(name, "host-a", Minute, _ct);

        await leases.ReleaseAsync(name, "host-a", _ct);

        Assert.False(await leases.RenewAsync(name, "host-a", Minute, _ct));
        Assert.True(await leases.TryAcquireAsync(name, "host-b", Minute, _ct));
    }

    [Fact]
    public async Task TryAcquire_TwoInstancesRacingFromManyTasks_OneHolderAtATime()
    {
        // Frozen clocks: a lease never expires while held, so any overlap would be the store's fault.
        await using var first = await fixture.OpenAsync(new FakeTimeProvider(TestRuns.Anchor));
        await using var second = await fixture.OpenAsync(new FakeTimeProvider(TestRuns.Anchor));
        var name = NewName();
        var holders = 0;
        var overlaps = 0;
        var acquisitions = 0;

        async Task ContendAsync(StateStore store, string owner)
        {
            for (var attempt = 0; attempt < 40; attempt++)
            {
                if (await store.Leases.TryAcquireAsync(name, owner, Minute, _ct))
                {
                    Interlocked.Increment(ref acquisitions);
                    if (Interlocked.Increment(ref holders) != 1)
                    {
                        Interlocked.Increment(ref overlaps);
                    }

                    await Task.Delay(1);
                    Interlocked.Decrement(ref holders);
                    await store.Leases.ReleaseAsync(name, owner, _ct);
                }
                else
                {
                    await Task.Yield();
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => ContendAsync(i % 2 == 0 ? first : second, "owner-" + i))));

        Assert.Equal(0, overlaps);
        Assert.True(acquisitions >= 16, $"only {acquisitions} acquisitions");
    }

    private static string NewName() => "audience-run:" + Guid.NewGuid().ToString("N")[..8];
}

public sealed class SqliteLeaseStoreTests(SqliteStoreFixture fixture) : LeaseStoreTests<SqliteStoreFixture>(fixture), IClassFixture<SqliteStoreFixture>;

public sealed class PostgresLeaseStoreTests(PostgresStoreFixture fixture) : LeaseStoreTests<PostgresStoreFixture>(fixture), IClassFixture<PostgresStoreFixture>;
