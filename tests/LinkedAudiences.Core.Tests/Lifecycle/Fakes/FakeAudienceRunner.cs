using System.Globalization;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.State;

namespace LinkedAudiences.Core.Tests.Lifecycle.Fakes;

/// <summary>
/// A runner that keeps the executor's contract (lease first; null when it is held; resume an unfinished run with its
/// version; record the run) and does whatever the test puts in <see cref="During"/> in place of the warehouse work.
/// </summary>
internal sealed class FakeAudienceRunner(InMemoryRunStore runs, ILeaseStore leases, TimeProvider clock) : IAudienceRunner
{
    private readonly object _gate = new();
    private readonly Dictionary<string, int> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);
    private int _nextRun;

    public static string LeaseName(string audienceKey) => "audience-run:" + audienceKey;

    /// <summary>The warehouse work: advance the clock, wait for a signal, throw...</summary>
    public Func<string, CancellationToken, Task>? During { get; set; }

    /// <summary>The warehouse's error for an audience, or null for success.</summary>
    public Func<string, string?> FailWith { get; set; } = _ => null;

    public long Members { get; set; } = 42;

    /// <summary>How long the run lease lasts unless renewed (a real executor renews it while the run goes on).</summary>
    public static TimeSpan LeaseDuration { get; } = TimeSpan.FromMinutes(10);

    /// <summary>Every call, including those that found the lease held.</summary>
    public List<(string Key, RunTrigger Trigger)> Calls { get; } = [];

    /// <summary>The calls that took the lease and ran.</summary>
    public List<(string Key, RunTrigger Trigger)> Started { get; } = [];

    /// <summary>The most runs of one audience seen at the same time.</summary>
    public int MaxConcurrentPerAudience { get; private set; }

    public async Task<RunRecord?> RunAsync(string audienceKey, RunTrigger trigger, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Calls.Add((audienceKey, trigger));
        }

        var owner = Guid.NewGuid().ToString("N");
        if (!await leases.TryAcquireAsync(LeaseName(audienceKey), owner, LeaseDuration, cancellationToken))
        {
            return null;
        }

        lock (_gate)
        {
            _owners[audienceKey] = owner;
            Started.Add((audienceKey, trigger));
            _active[audienceKey] = _active.GetValueOrDefault(audienceKey) + 1;
            MaxConcurrentPerAudience = Math.Max(MaxConcurrentPerAudience, _active[audienceKey]);
        }

        try
        {
            var run = await StartAsync(audienceKey, trigger, cancellationToken);
            if (During is { } during)
            {
                await during(audienceKey, cancellationToken);
            }

            var finished = run with { FinishedAt = clock.GetUtcNow() };
            if (FailWith(audienceKey) is { } error)
            {
                finished = finished with { Status = RunStatus.Failed, Error = error };
                await runs.UpdateRunAsync(finished, cancellationToken);
                return finished;
            }

            finished = finished with { Status = RunStatus.Succeeded, Summary = ChangeSummary.Empty with { Members = Members } };
            await runs.CommitRunAsync(finished, AsyncEnumerable.Empty<AudienceEvent>(), cancellationToken);
            return finished;
        }
        finally
        {
            lock (_gate)
            {
                _active[audienceKey]--;
                _owners.Remove(audienceKey);
            }

            await leases.ReleaseAsync(LeaseName(audienceKey), owner, CancellationToken.None);
        }
    }

    /// <summary>The executor's heartbeat: extends the lease of the run in progress; tests call it from <see cref="During"/>.</summary>
    public async Task RenewAsync(string audienceKey)
    {
        string owner;
        lock (_gate)
        {
            owner = _owners[audienceKey];
        }

        if (!await leases.RenewAsync(LeaseName(audienceKey), owner, LeaseDuration, CancellationToken.None))
        {
            throw new InvalidOperationException($"The run lease of '{audienceKey}' was lost.");
        }
    }

    private async Task<RunRecord> StartAsync(string audienceKey, RunTrigger trigger, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var unfinished = (await runs.ListUnfinishedRunsAsync(cancellationToken)).FirstOrDefault(r => r.AudienceKey == audienceKey);
        if (unfinished is not null)
        {
            var resumed = unfinished with { Status = RunStatus.Running, StartedAt = now };
            await runs.UpdateRunAsync(resumed, cancellationToken);
            return resumed;
        }

        var run = new RunRecord
        {
            RunId = "run-" + Interlocked.Increment(ref _nextRun).ToString(CultureInfo.InvariantCulture),
            AudienceKey = audienceKey,
            DefinitionVersion = 1,
            MembershipVersion = await runs.GetCommittedVersionAsync(audienceKey, cancellationToken) + 1,
            Trigger = trigger,
            QueuedAt = now,
            StartedAt = now,
            AsOf = now,
            Status = RunStatus.Running,
        };
        await runs.CreateRunAsync(run, cancellationToken);
        return run;
    }
}
