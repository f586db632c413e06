using System.Runtime.CompilerServices;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.State;

namespace LinkedAudiences.Core.Tests.Lifecycle.Fakes;

/// <summary>Run history in a list; enough of <see cref="IRunStore"/> for the scheduler and the lifecycle.</summary>
internal sealed class InMemoryRunStore : IRunStore
{
    private readonly object _gate = new();
    private readonly List<RunRecord> _runs = [];
    private readonly Dictionary<string, long> _committed = new(StringComparer.Ordinal);

    public List<string> DeletedAudiences { get; } = [];

    public IReadOnlyList<RunRecord> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _runs];
            }
        }
    }

    public Task<long> GetCommittedVersionAsync(string audienceKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_committed.TryGetValue(audienceKey, out var v) ? v : 0);
        }
    }

    public Task CreateRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _runs.Add(run);
            return Task.CompletedTask;
        }
    }

    public Task UpdateRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _runs[_runs.FindIndex(r => r.RunId == run.RunId)] = run;
            return Task.CompletedTask;
        }
    }

    public async Task CommitRunAsync(RunRecord run, IAsyncEnumerable<AudienceEvent> events, CancellationToken cancellationToken)
    {
        await foreach (var _ in events.WithCancellation(cancellationToken))
        {
            // The lifecycle never looks at events; the run executor's tests cover the outbox.
        }

        lock (_gate)
        {
            _runs[_runs.FindIndex(r => r.RunId == run.RunId)] = run with { Status = RunStatus.Succeeded };
            _committed[run.AudienceKey] = run.MembershipVersion;
        }
    }

    public Task<RunRecord?> FindRunAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_runs.Find(r => r.RunId == runId));
        }
    }

    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(string audienceKey, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<RunRecord> runs = [.. _runs.Where(r => r.AudienceKey == audienceKey).Reverse().Take(limit)];
            return Task.FromResult(runs);
        }
    }

    public Task<IReadOnlyList<RunRecord>> ListUnfinishedRunsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<RunRecord> runs = [.. _runs.Where(r => r.Status is RunStatus.Queued or RunStatus.Running)];
            return Task.FromResult(runs);
        }
    }

    public async IAsyncEnumerable<OutboxEntry> ReadOutboxAsync(string runId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }

    public Task<IReadOnlyList<OutboxEntry>> ReadOutboxAfterAsync(long position, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboxEntry>>([]);

    public Task DeleteAudienceAsync(string audienceKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _runs.RemoveAll(r => r.AudienceKey == audienceKey);
            _committed.Remove(audienceKey);
            DeletedAudiences.Add(audienceKey);
            return Task.CompletedTask;
        }
    }
}
