using System.Runtime.CompilerServices;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.State;

namespace LinkedAudiences.Testing.State;

/// <summary>
/// <see cref="IRunStore"/> in memory, with the real store's guarantees: a commit reads every event first and then
/// applies events, run and committed version together under one lock, or nothing when reading the events fails.
/// </summary>
public sealed class InMemoryRunStore : IRunStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RunRecord> _runs = new(StringComparer.Ordinal);
    private readonly List<OutboxEntry> _outbox = [];
    private readonly HashSet<string> _messageIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _committed = new(StringComparer.Ordinal);

    public int Keep { get; init; } = 50;

    /// <summary>Every outbox entry so far, in position order.</summary>
    public IReadOnlyList<OutboxEntry> Outbox
    {
        get
        {
            lock (_lock)
            {
                return [.. _outbox];
            }
        }
    }

    public Task<long> GetCommittedVersionAsync(string audienceKey, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_committed.GetValueOrDefault(audienceKey));
        }
    }

    public Task CreateRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_runs.TryAdd(run.RunId, run))
            {
                throw new InvalidOperationException($"Run '{run.RunId}' exists.");
            }
        }

        return Task.CompletedTask;
    }

    public Task UpdateRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_runs.TryGetValue(run.RunId, out var stored) || stored.Status == RunStatus.Succeeded)
            {
                throw new InvalidOperationException($"Run '{run.RunId}' is unknown or committed.");
            }

            _runs[run.RunId] = run;
        }

        return Task.CompletedTask;
    }

    public async Task CommitRunAsync(RunRecord run, IAsyncEnumerable<AudienceEvent> events, CancellationToken cancellationToken)
    {
        var pending = new List<AudienceEvent>();
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            pending.Add(e);
        }

        lock (_lock)
        {
            if (!_runs.TryGetValue(run.RunId, out var stored) || stored.Status == RunStatus.Succeeded)
            {
                throw new InvalidOperationException($"Run '{run.RunId}' is unknown or committed.");
            }

            foreach (var e in pending.Where(e => _messageIds.Add(e.MessageId)))
            {
                _outbox.Add(new OutboxEntry(_outbox.Count + 1, e));
            }

            _runs[run.RunId] = run with { Status = RunStatus.Succeeded };
            _committed[run.AudienceKey] = run.MembershipVersion;
        }
    }

    public Task<RunRecord?> FindRunAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_runs.GetValueOrDefault(runId));
        }
    }

    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(string audienceKey, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<RunRecord> runs = [.. _runs.Values
                .Where(r => string.Equals(r.AudienceKey, audienceKey, StringComparison.Ordinal))
                .OrderByDescending(r => r.QueuedAt)
                .Take(Math.Min(limit, Keep))];
            return Task.FromResult(runs);
        }
    }

    public Task<IReadOnlyList<RunRecord>> ListUnfinishedRunsAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<RunRecord> runs = [.. _runs.Values.Where(r => r.Status is RunStatus.Queued or RunStatus.Running)];
            return Task.FromResult(runs);
        }
    }

    public async IAsyncEnumerable<OutboxEntry> ReadOutboxAsync(string runId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var entry in Outbox.Where(e => string.Equals(e.Event.RunId, runId, StringComparison.Ordinal)))
        {
            yield return entry;
        }
    }

    public Task<IReadOnlyList<OutboxEntry>> ReadOutboxAfterAsync(long position, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutboxEntry> entries = [.. Outbox.Where(e => e.Position > position).Take(limit)];
        return Task.FromResult(entries);
    }

    public Task DeleteAudienceAsync(string audienceKey, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var id in _runs.Values.Where(r => string.Equals(r.AudienceKey, audienceKey, StringComparison.Ordinal)).Select(r => r.RunId).ToList())
            {
                _runs.Remove(id);
            }

            _outbox.RemoveAll(e => string.Equals(e.Event.AudienceKey, audienceKey, StringComparison.Ordinal));
            _committed.Remove(audienceKey);
        }

        return Task.CompletedTask;
    }
}
