using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Core.State;

namespace LinkedAudiences.Core.Lifecycle;

/// <summary>
/// One run as the scheduler and the lifecycle both do it: claim the audience (under the state gate), run it, then set
/// Live or Failed and schedule the next run from the finish time ("Linked Audiences don't schedule the next run until
/// the current one finishes").
/// </summary>
internal sealed class AudienceRunCycle(
    IAudienceStore audiences, ILeaseStore leases, IAudienceRunner runner, TimeProvider timeProvider, RunningAudiences running)
{
    public AudienceStateGate Gate { get; } = new(audiences, leases);

    public RunningAudiences Running { get; } = running;

    /// <summary>The state a claimed audience shows while it runs: Computing, and no next run until this one finishes.</summary>
    public static AudienceState Computing(AudienceState state) =>
        state with { Status = state.Enabled ? AudienceStatus.Computing : state.Status, StatusReason = null, NextRunAt = null };

    /// <param name="claim">
    /// Given the audience as stored now (under the gate), the state to save before the run, or null to not run it.
    /// It may throw to refuse (the lifecycle's "disabled" answer).
    /// </param>
    /// <param name="waitForGate">False: give up when another caller holds the gate (<see cref="RunCycleStart.Busy"/>).</param>
    /// <returns>Null with <paramref name="start"/> telling why when nothing was handed to the runner.</returns>
    public async Task<(RunCycleStart Start, LifecycleRunResult? Result)> RunAsync(
        string audienceKey,
        RunTrigger trigger,
        Func<StoredAudience, AudienceState?> claim,
        bool waitForGate,
        CancellationToken cancellationToken)
    {
        if (!Running.TryStart(audienceKey))
        {
            return (RunCycleStart.AlreadyRunning, null);
        }

        try
        {
            var accepted = false;
            var claimed = await Gate.UpdateAsync(
                audienceKey,
                audience =>
                {
                    var next = claim(audience);
                    accepted = next is not null;
                    return next;
                },
                waitForGate,
                cancellationToken);
            switch (claimed.Outcome)
            {
                case GateOutcome.Busy:
                    return (RunCycleStart.Busy, null);
                case GateOutcome.NotFound:
                    return (RunCycleStart.NotFound, null);
                case GateOutcome.Unchanged or GateOutcome.Changed when !accepted:
                    return (RunCycleStart.Declined, null);
            }

            return (RunCycleStart.Started, await RunClaimedAsync(audienceKey, trigger, claimed.Audience!.State, cancellationToken));
        }
        finally
        {
            Running.Finish(audienceKey);
        }
    }

    private async Task<LifecycleRunResult> RunClaimedAsync(
        string audienceKey, RunTrigger trigger, AudienceState claimedState, CancellationToken cancellationToken)
    {
        RunRecord? run;
        string? thrown = null;
        try
        {
            run = await runner.RunAsync(audienceKey, trigger, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: the state stays Computing with no next run, and the run stays unfinished in the run
            // store; the scheduler resumes it (see AudienceScheduler).
            throw;
        }
#pragma warning disable CA1031 // Whatever the runner throws, the audience must end Failed with the reason and keep its schedule.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            run = null;
            thrown = ex.Message;
        }

        if (run is null && thrown is null)
        {
            // The lease holder records the outcome when it finishes; writing anything here would race with it.
            return new LifecycleRunResult(audienceKey, trigger, LifecycleRunOutcome.RunningElsewhere, null, claimedState, null);
        }

        var finishedAt = timeProvider.GetUtcNow();
        var error = run?.Status == RunStatus.Succeeded ? null : thrown ?? FailureReason(run!);
        // The run has happened: record it even if the caller gave up meanwhile.
        var final = await Gate.UpdateAsync(audienceKey, audience => Finish(audience, run, error, finishedAt), wait: true, CancellationToken.None);
        return new LifecycleRunResult(
            audienceKey,
            trigger,
            error is null ? LifecycleRunOutcome.Succeeded : LifecycleRunOutcome.Failed,
            run,
            final.Audience?.State,
            error);
    }

    private static string FailureReason(RunRecord run) =>
        run.Error is { Length: > 0 } error ? error : $"The run ended {run.Status} without a reason.";

    /// <summary>Re-read under the gate: the audience may have been disabled, rescheduled or deleted while it ran.</summary>
    private static AudienceState Finish(StoredAudience audience, RunRecord? run, string? error, DateTimeOffset finishedAt)
    {
        var state = audience.State with
        {
            LastRunAt = finishedAt,
            LastMemberCount = error is null ? run!.Summary.Members : audience.State.LastMemberCount,
        };
        if (!state.Enabled)
        {
            return state with { Status = AudienceStatus.Disabled, StatusReason = null, NextRunAt = null };
        }

        var schedule = RunScheduleValidator.Validate(audience.Settings.Schedule);
        if (!schedule.IsValid)
        {
            return state with { Status = AudienceStatus.Failed, StatusReason = error ?? schedule.Errors[0].Message, NextRunAt = null };
        }

        return state with
        {
            Status = error is null ? AudienceStatus.Live : AudienceStatus.Failed,
            StatusReason = error,
            NextRunAt = RunScheduleCalculator.NextRun(audience.Settings.Schedule, finishedAt),
        };
    }
}

internal enum RunCycleStart
{
    Started,

    /// <summary>This process is running the audience already.</summary>
    AlreadyRunning,

    /// <summary>Another caller held the state gate (only when not waiting for it).</summary>
    Busy,

    NotFound,

    /// <summary>The claim found nothing to do (no longer due, say).</summary>
    Declined,
}
