using System.Globalization;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.State;
using LinkedAudiences.Services.Runs;
using LinkedAudiences.Workflows.Activities;
using Microsoft.Extensions.Logging;
using OrchardCore.Entities;
using OrchardCore.Locking.Distributed;
using OrchardCore.Settings;
using OrchardCore.Workflows.Models;
using OrchardCore.Workflows.Services;
using YesSql;

namespace LinkedAudiences.Workflows.Bridge;

/// <summary>
/// Carries the run outbox into Orchard workflows: each outbox event is triggered once, with its messageId as the
/// correlation id, then each finished run fires <c>Audience run completed</c> or <c>Audience run failed</c> once.
/// </summary>
/// <remarks>
/// Exactly once: the bridge's position (<see cref="WorkflowBridgeState"/>) is a YesSql document saved in the same
/// transaction as the workflow instances the event started, one event per transaction. A crash before the commit
/// loses both (the event fires again on restart, and nothing of its first firing was stored); after it, both are
/// kept and the event is behind the position. Only side effects outside the tenant database (an HTTP request a
/// workflow sent before the crash) can repeat. A pass holds the tenant's bridge lock so the background task and an
/// explicit pass never overlap, and the position is saved with YesSql's concurrency check, so two hosts cannot both
/// commit the same event. Workflows that write through the state store (Run linked audience) commit the session
/// themselves first; SQLite would otherwise lock.
/// </remarks>
public sealed class WorkflowBridge(
    ISession session,
    IWorkflowManager workflowManager,
    TenantStateStore tenantState,
    ContentAudienceStore audiences,
    ISiteService siteService,
    IDistributedLock locks,
    TimeProvider time,
    ILogger<WorkflowBridge> logger)
{
    /// <summary>Events one background pass handles at most (the next pass goes on).</summary>
    public const int EventsPerPass = 5000;

    private const string LockKey = "LinkedAudiences.WorkflowBridge";
    private const int Page = 100;

    /// <summary>
    /// Handles up to <paramref name="maxEvents"/> outbox events; when it reached the end of the outbox, fires the
    /// completed/failed events of the runs that had finished when the pass began (so a run's completion always follows
    /// its change events). Waits up to <paramref name="lockTimeout"/> for another pass to end; returns null if it did not.
    /// </summary>
    public async Task<WorkflowBridgeResult?> PumpAsync(int maxEvents, TimeSpan lockTimeout, CancellationToken cancellationToken)
    {
        var (locker, locked) = await locks.TryAcquireLockAsync(LockKey, lockTimeout, TimeSpan.FromMinutes(30));
        if (!locked)
        {
            return null;
        }

        await using (locker)
        {
            return await PumpLockedAsync(maxEvents, cancellationToken);
        }
    }

    /// <summary>The bridge state, created at the current position 0 when missing (a feature enabled before its migration ran).</summary>
    public async Task<WorkflowBridgeState> GetStateAsync()
    {
        var state = await session.Query<WorkflowBridgeState>().FirstOrDefaultAsync();
        return state ?? new WorkflowBridgeState { StartedAt = Format(time.GetUtcNow()) };
    }

    private async Task<WorkflowBridgeResult> PumpLockedAsync(int maxEvents, CancellationToken cancellationToken)
    {
        var state = await GetStateAsync();
        if (state.Id == 0)
        {
            // Pin the start time now: every later pass compares runs against the same moment.
            await CommitAsync(state);
        }

        var runs = (await tenantState.GetAsync(cancellationToken)).Runs;
        var settings = (await siteService.GetSiteSettingsAsync()).GetOrCreate<WorkflowBridgeSettings>();
        var startedAt = Parse(state.StartedAt);

        // Taken before the outbox is read: a succeeded run listed here committed its events before, so they are all
        // behind the position once the outbox is drained, and its completion never precedes them.
        var finished = await FinishedRunsAsync(runs, state, startedAt, cancellationToken);

        var result = new WorkflowBridgeResult();
        var historic = new Dictionary<string, bool>(StringComparer.Ordinal);
        var drained = false;
        while (result.Events < maxEvents)
        {
            var page = await runs.ReadOutboxAfterAsync(state.Position, Math.Min(Page, maxEvents - result.Events), cancellationToken);
            if (page.Count == 0)
            {
                drained = true;
                break;
            }

            foreach (var entry in page)
            {
                await HandleAsync(entry, state, settings, runs, startedAt, historic, result, cancellationToken);
            }
        }

        drained = drained || (await runs.ReadOutboxAfterAsync(state.Position, 1, cancellationToken)).Count == 0;
        if (drained)
        {
            foreach (var run in finished)
            {
                await CompleteAsync(run, state, result);
            }
        }

        return result;
    }

    private async Task HandleAsync(
        OutboxEntry entry, WorkflowBridgeState state, WorkflowBridgeSettings settings, IRunStore runs, DateTimeOffset startedAt,
        Dictionary<string, bool> historic, WorkflowBridgeResult result, CancellationToken cancellationToken)
    {
        var e = entry.Event;
        if (!historic.TryGetValue(e.RunId, out var old))
        {
            // Runs that finished before the feature was enabled are history: their events are passed over.
            old = !state.Runs.ContainsKey(e.RunId)
                && (await runs.FindRunAsync(e.RunId, cancellationToken) is not { } record || record.FinishedAt < startedAt);
            historic[e.RunId] = old;
        }

        if (old)
        {
            result.Passed++;
        }
        else
        {
            if (!state.Runs.TryGetValue(e.RunId, out var run))
            {
                state.Runs[e.RunId] = run = new BridgedRun { AudienceKey = e.AudienceKey };
            }

            if (run.Started >= settings.LimitFor(e.AudienceKey))
            {
                run.Skipped++;
                result.Skipped++;
            }
            else
            {
                var contexts = await workflowManager.TriggerEventAsync(AudienceEventInput.ActivityName(e.Kind), AudienceEventInput.For(e), e.MessageId);
                var started = contexts.Count(c => c.Status != WorkflowStatus.Idle);
                run.Fired++;
                run.Started += started;
                result.Fired++;
                result.WorkflowsStarted += started;
            }
        }

        result.Events++;
        state.Position = entry.Position;
        await CommitAsync(state);
    }

    private async Task CompleteAsync(RunRecord run, WorkflowBridgeState state, WorkflowBridgeResult result)
    {
        state.Runs.Remove(run.RunId, out var bridged);
        var name = run.Status == RunStatus.Succeeded ? nameof(AudienceRunCompletedEvent) : nameof(AudienceRunFailedEvent);
        var contexts = await workflowManager.TriggerEventAsync(name, AudienceEventInput.For(run, bridged), run.RunId);
        if (bridged?.Skipped > 0)
        {
            logger.LogWarning(
                "Run {RunId} of audience {AudienceKey} reached its limit of workflow starts: {Skipped} change events did not start workflows.",
                run.RunId, run.AudienceKey, bridged.Skipped);
        }

        if (!state.FinishedRuns.TryGetValue(run.AudienceKey, out var handled))
        {
            state.FinishedRuns[run.AudienceKey] = handled = [];
        }

        handled.Add(run.RunId);
        result.Runs++;
        result.WorkflowsStarted += contexts.Count(c => c.Status != WorkflowStatus.Idle);
        await CommitAsync(state);
    }

    /// <summary>Finished runs since the bridge started whose completion has not fired, oldest first; forgets runs the store pruned.</summary>
    private async Task<List<RunRecord>> FinishedRunsAsync(IRunStore runs, WorkflowBridgeState state, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var pending = new List<RunRecord>();
        var known = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var audience in await audiences.ListAudiencesAsync(cancellationToken))
        {
            var recent = await runs.ListRunsAsync(audience.Key, LinkedAudiences.Storage.StateStore.RunsKeptPerAudience, cancellationToken);
            var handled = state.FinishedRuns.TryGetValue(audience.Key, out var list) ? list : [];
            known[audience.Key] = [.. handled.Where(id => recent.Any(r => string.Equals(r.RunId, id, StringComparison.Ordinal)))];
            pending.AddRange(recent.Where(r =>
                r.Status is RunStatus.Succeeded or RunStatus.Failed
                && r.FinishedAt >= startedAt
                && !handled.Contains(r.RunId, StringComparer.Ordinal)));
        }

        // Runs the store no longer keeps cannot come back: their ids need not be remembered. Runs of audiences no longer
        // published (deleted, their runs forgotten) will never complete here.
        state.FinishedRuns = known;
        foreach (var stale in state.Runs.Where(r => !known.ContainsKey(r.Value.AudienceKey)).Select(r => r.Key).ToList())
        {
            state.Runs.Remove(stale);
        }

        return [.. pending.OrderBy(r => r.FinishedAt).ThenBy(r => r.QueuedAt)];
    }

    private async Task CommitAsync(WorkflowBridgeState state)
    {
        await session.SaveAsync(state, checkConcurrency: true);
        await session.SaveChangesAsync();
    }

    private static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string? text) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : DateTimeOffset.MinValue;
}

/// <summary>What one pass of the bridge did.</summary>
public sealed class WorkflowBridgeResult
{
    /// <summary>Outbox events handled (fired, skipped or passed over).</summary>
    public int Events { get; set; }

    public int Fired { get; set; }

    /// <summary>Change events not triggered because their run reached its audience's limit.</summary>
    public int Skipped { get; set; }

    /// <summary>Events of runs older than the bridge.</summary>
    public int Passed { get; set; }

    /// <summary>Runs whose completed or failed event fired.</summary>
    public int Runs { get; set; }

    public int WorkflowsStarted { get; set; }
}
