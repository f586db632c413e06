using LinkedAudiences.Core.Lifecycle;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.State;

namespace LinkedAudiences.Core.Scheduling;

/// <summary>
/// Runs the audiences whose time has come. Hosts call <see cref="TickAsync"/> periodically (the Orchard background task
/// every minute, the CLI's <c>serve</c>). A tick waits for the runs it started; a host that does not want a long run to
/// hold up the next tick may start the next one meanwhile: audiences this process is running are skipped, and the
/// run lease keeps instances sharing a state store apart.
/// </summary>
public sealed class AudienceScheduler
{
    private readonly IAudienceStore _audiences;
    private readonly IRunStore _runs;
    private readonly TimeProvider _timeProvider;
    private readonly AudienceSchedulerOptions _options;
    private readonly AudienceRunCycle _cycle;

    /// <param name="running">Share it with the host's <see cref="AudienceLifecycle"/>; a private one when null.</param>
    public AudienceScheduler(
        IAudienceStore audiences,
        IRunStore runs,
        ILeaseStore leases,
        IAudienceRunner runner,
        TimeProvider timeProvider,
        RunningAudiences? running = null,
        AudienceSchedulerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(audiences);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(leases);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _audiences = audiences;
        _runs = runs;
        _timeProvider = timeProvider;
        _options = options ?? new AudienceSchedulerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxConcurrentRuns, 1, nameof(options));
        _cycle = new AudienceRunCycle(audiences, leases, runner, timeProvider, running ?? new RunningAudiences());
    }

    /// <summary>
    /// One pass: runs every enabled audience whose next run time has come (trigger <see cref="RunTrigger.Schedule"/>),
    /// resumes runs a dead host left unfinished (with their own trigger), and re-runs audiences left Computing by a host
    /// that stopped before its run was recorded. Audiences with a run in progress are skipped.
    /// </summary>
    /// <returns>The runs this tick handed to the runner, finished (or found running elsewhere).</returns>
    public async Task<IReadOnlyList<LifecycleRunResult>> TickAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var audiences = await _audiences.ListAudiencesAsync(cancellationToken);
        var unfinished = (await _runs.ListUnfinishedRunsAsync(cancellationToken))
            .GroupBy(r => r.AudienceKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.QueuedAt)!, StringComparer.Ordinal);

        var work = new List<(string Key, RunTrigger Trigger, Func<StoredAudience, AudienceState?> Claim)>();
        foreach (var audience in audiences)
        {
            if (_cycle.Running.IsRunning(audience.Key))
            {
                continue;
            }

            if (unfinished.TryGetValue(audience.Key, out var run) && audience.State.Status == AudienceStatus.Computing)
            {
                // Running here is ruled out above, so it runs on another instance or its host died: the runner's lease
                // tells which (it returns at once while the lease is held, and resumes the run once it expired).
                work.Add((audience.Key, run.Trigger, ResumeClaim));
            }
            else if (IsDue(audience.State, now))
            {
                // An unfinished run of an audience that is not claimed (a CLI run that died, say) is resumed by the
                // runner under its own id when the audience is next due.
                work.Add((audience.Key, RunTrigger.Schedule, a => IsDue(a.State, now) ? AudienceRunCycle.Computing(a.State) : null));
            }
            else if (IsStaleClaim(audience.State))
            {
                // Claimed (Computing, no next run) but no run recorded and none running here: the claiming host stopped
                // before its runner started. The lease still keeps this from overlapping a run that is just starting.
                work.Add((audience.Key, RunTrigger.Schedule, a => IsStaleClaim(a.State) ? a.State : null));
            }
        }

        var results = new List<LifecycleRunResult>();
        await Parallel.ForEachAsync(
            work,
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentRuns, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                var (start, result) = await _cycle.RunAsync(item.Key, item.Trigger, item.Claim, waitForGate: false, ct);
                if (start == RunCycleStart.Started && result is not null)
                {
                    lock (results)
                    {
                        results.Add(result);
                    }
                }
            });
        return results;
    }

    private static bool IsDue(AudienceState state, DateTimeOffset now) =>
        state.Enabled && state.NextRunAt is { } next && next <= now;

    private static bool IsStaleClaim(AudienceState state) =>
        state.Enabled && state.Status == AudienceStatus.Computing && state.NextRunAt is null;

    /// <summary>
    /// Only while the audience still shows the claim of that run (Computing): the tick saw the run unfinished, but its
    /// host may have finished and recorded it since, and claiming then would start a second run of the same slot.
    /// A disabled audience's unfinished run is resumed when it is enabled again (the runner resumes it then).
    /// </summary>
    private static AudienceState? ResumeClaim(StoredAudience audience) =>
        audience.State.Status == AudienceStatus.Computing ? AudienceRunCycle.Computing(audience.State) : null;
}
