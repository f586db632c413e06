using LinkedAudiences.Core.State;
using LinkedAudiences.Storage.Engines;

namespace LinkedAudiences.Storage.Leases;

/// <summary>
/// Leases as rows of la_lease (name, owner, expires_at). A lease taken for d at t is held during [t, t + d).
/// "Now" comes from each instance's <see cref="TimeProvider"/>: instances sharing a store need clocks closer together
/// than the lease durations they use.
/// </summary>
internal sealed class SqlLeaseStore(StoreEngine engine, TimeProvider time) : ILeaseStore
{
    public async Task<bool> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        Check(name, owner, duration);
        var now = time.GetUtcNow();
        await using var write = await engine.BeginWriteAsync(cancellationToken);
        // One statement takes over an expired lease or extends our own, so two contenders can never both succeed:
        // on PostgreSQL the second UPDATE waits for the first and re-checks its WHERE against the new row.
        var taken = await write.ExecuteAsync(
            "UPDATE la_lease SET owner = @owner, expires_at = @expires WHERE name = @name AND (expires_at <= @now OR owner = @owner)",
            cancellationToken,
            ("name", name), ("owner", owner), ("expires", engine.Timestamp(now + duration)), ("now", engine.Timestamp(now)));
        if (taken == 0)
        {
            // No row (or someone else's live lease): the unique name lets exactly one concurrent insert through.
            taken = await write.ExecuteAsync(
                "INSERT INTO la_lease (name, owner, expires_at) VALUES (@name, @owner, @expires) ON CONFLICT (name) DO NOTHING",
                cancellationToken,
                ("name", name), ("owner", owner), ("expires", engine.Timestamp(now + duration)));
        }

        await write.CommitAsync(cancellationToken);
        return taken == 1;
    }

    /// <summary>
    /// Succeeds while the row still names the owner, even past expiry: nobody took the lease over meanwhile, so no
    /// one else can have done the work it guards.
    /// </summary>
    public async Task<bool> RenewAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        Check(name, owner, duration);
        await using var write = await engine.BeginWriteAsync(cancellationToken);
        var renewed = await write.ExecuteAsync(
            "UPDATE la_lease SET expires_at = @expires WHERE name = @name AND owner = @owner",
            cancellationToken,
            ("name", name), ("owner", owner), ("expires", engine.Timestamp(time.GetUtcNow() + duration)));
        await write.CommitAsync(cancellationToken);
        return renewed == 1;
    }

    /// <summary>Releases only the owner's own lease: a late release after a takeover leaves the new holder alone.</summary>
    public async Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        await using var write = await engine.BeginWriteAsync(cancellationToken);
        await write.ExecuteAsync("DELETE FROM la_lease WHERE name = @name AND owner = @owner", cancellationToken, ("name", name), ("owner", owner));
        await write.CommitAsync(cancellationToken);
    }

    private static void Check(string name, string owner, TimeSpan duration)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
    }
}
