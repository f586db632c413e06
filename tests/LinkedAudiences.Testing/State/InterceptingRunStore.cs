using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.State;

namespace LinkedAudiences.Testing.State;

/// <summary>
/// Wraps a run store to simulate a host dying during the commit: the commit reads <see cref="EventsBeforeFailure"/>
/// events (recording their ids) and then throws, so the inner store's transaction never happens.
/// </summary>
public sealed class InterceptingRunStore(IRunStore inner) : IRunStore
{
    private readonly List<string> _seen = [];

    /// <summary>Null: commits pass through. A number: the next commits fail after reading that many events.</summary>
    public int? EventsBeforeFailure { get; set; }

    /// <summary>The messageIds the failed commits had read.</summary>
    public IReadOnlyList<string> SeenBeforeFailure => _seen;

    public async Task CommitRunAsync(RunRecord run, IAsyncEnumerable<AudienceEvent> events, CancellationToken cancellationToken)
    {
        if (EventsBeforeFailure is not { } limit)
        {
            await inner.CommitRunAsync(run, events, cancellationToken);
            return;
        }

        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            if (_seen.Count >= limit)
            {
                break;
            }

            _seen.Add(e.MessageId);
        }

        throw new InvalidOperationException("Simulated crash during the commit.");
    }

    public Task<long> GetCommittedVersionAsync(string audienceKey, CancellationToken cancellationToken) => inner.GetCommittedVersionAsync(audienceKey, cancellationToken);

    public Task CreateRunAsync(RunRecord run, CancellationToken cancellationToken) => inner.CreateRunAsync(run, cancellationToken);

    public Task UpdateRunAsync(RunRecord run, CancellationToken cancellationToken) => inner.UpdateRunAsync(run, cancellationToken);

    public Task<RunRecord?> FindRunAsync(string runId, CancellationToken cancellationToken) => inner.FindRunAsync(runId, cancellationToken);

    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(string audienceKey, int limit, CancellationToken cancellationToken) => inner.ListRunsAsync(audienceKey, limit, cancellationToken);

    public Task<IReadOnlyList<RunRecord>> ListUnfinishedRunsAsync(CancellationToken cancellationToken) => inner.ListUnfinishedRunsAsync(cancellationToken);

    public IAsyncEnumerable<OutboxEntry> ReadOutboxAsync(string runId, CancellationToken cancellationToken) => inner.ReadOutboxAsync(runId, cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> ReadOutboxAfterAsync(long position, int limit, CancellationToken cancellationToken) => inner.ReadOutboxAfterAsync(position, limit, cancellationToken);

    public Task DeleteAudienceAsync(string audienceKey, CancellationToken cancellationToken) => inner.DeleteAudienceAsync(audienceKey, cancellationToken);
}
