using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;

namespace LinkedAudiences.Core.State;

/// <summary>
/// Runs, the event outbox and each audience's committed membership version, in the app state store (SQLite or
/// PostgreSQL). The committed version lives here, not in the warehouse: a run whose commit did not happen is re-run with
/// the same version, so it yields the same messageIds.
/// </summary>
public interface IRunStore
{
    /// <summary>The membership version of the audience's last committed run; 0 when it never ran.</summary>
    Task<long> GetCommittedVersionAsync(string audienceKey, CancellationToken cancellationToken);

    /// <summary>Records a new run (usually Queued). A run id that exists already throws <see cref="InvalidOperationException"/>.</summary>
    Task CreateRunAsync(RunRecord run, CancellationToken cancellationToken);

    /// <summary>
    /// Saves status, times, timings or error of a run that is not committed. Only <see cref="CommitRunAsync"/> makes a
    /// run Succeeded (a Succeeded status here throws <see cref="ArgumentException"/>); a committed run cannot change
    /// (<see cref="InvalidOperationException"/>); an unknown run id throws <see cref="KeyNotFoundException"/>.
    /// </summary>
    Task UpdateRunAsync(RunRecord run, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: appends the events (a messageId already in the outbox is skipped), marks the run succeeded with
    /// its summary and timings, and sets the audience's committed version to the run's membership version.
    /// Either all of it happens or none. The events are streamed, never held all at once, and consumed before the
    /// store takes its write lock (the stream may call the store, e.g. to renew a lease); each must carry the run's
    /// RunId, AudienceKey and MembershipVersion (else <see cref="ArgumentException"/> and nothing is committed).
    /// Committing again the same run is harmless (its events are skipped as duplicates); committing a membership version
    /// lower than the committed one throws <see cref="InvalidOperationException"/> (a stale runner) and commits nothing.
    /// Older finished runs beyond the last 50 of the audience are pruned in the same transaction.
    /// </summary>
    Task CommitRunAsync(RunRecord run, IAsyncEnumerable<AudienceEvent> events, CancellationToken cancellationToken);

    Task<RunRecord?> FindRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Newest first (by queue time), at most <paramref name="limit"/>; the store keeps the last 50 per audience.</summary>
    Task<IReadOnlyList<RunRecord>> ListRunsAsync(string audienceKey, int limit, CancellationToken cancellationToken);

    /// <summary>Runs left Queued or Running (a host that died mid-run): re-run them after a restart.</summary>
    Task<IReadOnlyList<RunRecord>> ListUnfinishedRunsAsync(CancellationToken cancellationToken);

    /// <summary>The outbox of one run, in the order it was written.</summary>
    IAsyncEnumerable<OutboxEntry> ReadOutboxAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// Outbox entries after a position, for consumers that tail it (delivery, the workflow bridge). Positions are
    /// assigned in commit order and never reused, so a consumer that remembers the last position it handled misses nothing.
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>> ReadOutboxAfterAsync(long position, int limit, CancellationToken cancellationToken);

    /// <summary>Forgets an audience's runs, outbox and committed version (the audience was deleted).</summary>
    Task DeleteAudienceAsync(string audienceKey, CancellationToken cancellationToken);
}

/// <summary>An event in the outbox with its position (a monotonically increasing sequence).</summary>
public sealed record OutboxEntry(long Position, AudienceEvent Event);
