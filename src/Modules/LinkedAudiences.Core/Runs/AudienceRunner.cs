using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Snapshots;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Runs;

/// <summary>
/// Executes audience runs against one warehouse. A run for committed version v: takes the audience's lease, writes
/// snapshot v+1 in the warehouse (after deleting any other leftover version), diffs v+1 against v there, streams only
/// the changes out as events, and commits events, success and version v+1 in one app-store transaction. Until that
/// commit nothing is decided: a run that failed or died is run again for the same version and yields the same
/// messageIds. Warehouse errors and timeouts fail the run with the warehouse's message and leave version v in place.
/// Stage timings: queueing is queued → started; extracting is the time spent waiting on the warehouse (snapshot,
/// diff, reading the changes); preparing is the rest until the commit (building and spooling the events). The commit,
/// which records these figures, cannot include itself.
/// </summary>
public sealed class AudienceRunner
{
    private readonly IWarehouse _warehouse;
    private readonly IRunStore _runs;
    private readonly ILeaseStore _leases;
    private readonly TimeProvider _time;
    private volatile bool _schemaReady;

    public AudienceRunner(IWarehouse warehouse, IRunStore runs, ILeaseStore leases, TimeProvider time, AudienceRunnerOptions? options = null)
    {
        _warehouse = warehouse ?? throw new ArgumentNullException(nameof(warehouse));
        _runs = runs ?? throw new ArgumentNullException(nameof(runs));
        _leases = leases ?? throw new ArgumentNullException(nameof(leases));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        Options = options ?? new();
    }

    public AudienceRunnerOptions Options { get; }

    /// <summary>The lease that keeps two runs of one audience apart (across hosts sharing the state store).</summary>
    public static string LeaseName(string audienceKey) => "audience:" + audienceKey;

    /// <summary>
    /// Runs the audience once. Returns <see cref="AudienceRunOutcome.LeaseHeld"/> without doing anything while another
    /// run holds the audience. When <paramref name="cancellationToken"/> is cancelled the run is left Running, like a
    /// run whose host died, to be run again (with the same version and messageIds).
    /// </summary>
    /// <exception cref="InvalidOperationException">The request names a run that has already finished.</exception>
    public async Task<AudienceRunResult> RunAsync(AudienceRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.AudienceKey);
        ArgumentNullException.ThrowIfNull(request.Compiled);
        if (request.Compiled.Dialect != _warehouse.Dialect)
        {
            throw new ArgumentException($"The audience was compiled for {request.Compiled.Dialect.Name}, the warehouse speaks {_warehouse.Dialect.Name}.", nameof(request));
        }

        var runId = request.RunId ?? Guid.NewGuid().ToString("N");
        var lease = LeaseName(request.AudienceKey);

        using var span = RunTelemetry.StartRun(request.AudienceKey, runId);
        try
        {
            var result = await RunAsync(request, runId, lease, span, cancellationToken);
            RunTelemetry.Finish(span, result);
            return result;
        }
        catch (Exception e)
        {
            RunTelemetry.Abort(span, e);
            throw;
        }
    }

    private async Task<AudienceRunResult> RunAsync(AudienceRunRequest request, string runId, string lease, Activity? span, CancellationToken cancellationToken)
    {
        // One owner per attempt: two hosts resuming the same unfinished run must still exclude each other.
        var owner = runId + "/" + Guid.NewGuid().ToString("N");
        if (!await _leases.TryAcquireAsync(lease, owner, Options.LeaseDuration, cancellationToken))
        {
            return new AudienceRunResult { Outcome = AudienceRunOutcome.LeaseHeld };
        }

        try
        {
            await CheckpointAsync(RunCheckpoints.LeaseTaken, cancellationToken);
            await using var heartbeat = new LeaseHeartbeat(_leases, lease, owner, Options.LeaseDuration, _time);
            return await RunLeasedAsync(request, runId, heartbeat, span, cancellationToken);
        }
        finally
        {
            // Released even when the caller gave up: otherwise the audience would wait for the lease to expire.
            await _leases.ReleaseAsync(lease, owner, CancellationToken.None);
        }
    }

    private async Task<AudienceRunResult> RunLeasedAsync(AudienceRunRequest request, string runId, LeaseHeartbeat heartbeat, Activity? span, CancellationToken cancellationToken)
    {
        var key = request.AudienceKey;
        var committed = await _runs.GetCommittedVersionAsync(key, cancellationToken);
        var version = committed + 1;
        var existing = request.RunId is null ? null : await _runs.FindRunAsync(runId, cancellationToken);
        if (existing is { Status: RunStatus.Succeeded or RunStatus.Failed })
        {
            throw new InvalidOperationException($"Run '{runId}' has already finished ({existing.Status}).");
        }

        span?.SetTag(RunTelemetry.MembershipVersion, version);
        var started = _time.GetUtcNow();
        var startedAt = _time.GetTimestamp();
        var run = new RunRecord
        {
            RunId = runId,
            AudienceKey = key,
            DefinitionVersion = request.DefinitionVersion,
            MembershipVersion = version,
            Trigger = existing?.Trigger ?? request.Trigger,
            QueuedAt = existing?.QueuedAt ?? request.QueuedAt ?? started,
            StartedAt = started,
            AsOf = request.AsOf,
            Status = RunStatus.Running,
        };
        if (existing is null)
        {
            await _runs.CreateRunAsync(run, cancellationToken);
        }
        else
        {
            await _runs.UpdateRunAsync(run, cancellationToken);
        }

        await CheckpointAsync(RunCheckpoints.RunRecorded, cancellationToken);
        var queueing = Max(started - run.QueuedAt, TimeSpan.Zero);
        var warehouse = new TimedWarehouse(_warehouse, Options.WarehouseTimeout, _time);
        var snapshots = new WarehouseSnapshots(warehouse, Options.Snapshots);
        StageTimings Timings() => new(queueing, warehouse.Waiting, Max(_time.GetElapsedTime(startedAt) - warehouse.Waiting, TimeSpan.Zero));

        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, heartbeat.Lost);
        await using var spool = new EventSpool(Options.SpoolDirectory);
        ChangeSummary summary;
        try
        {
            summary = await ExtractAsync(request, runId, snapshots, warehouse, spool, committed, version, started, work.Token);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            // A driver may report the interruption as its own error; the caller gave up all the same, and the run
            // stays Running to be resumed like one whose host died.
            throw new OperationCanceledException("The run was cancelled.", e, cancellationToken);
        }
        catch (Exception e) when (FailureMessage(e, heartbeat) is { } message)
        {
            return await FailAsync(run, message, Timings());
        }

        if (heartbeat.IsLost)
        {
            return await FailAsync(run, LeaseLostMessage, Timings());
        }

        await CheckpointAsync(RunCheckpoints.Spooled, cancellationToken);
        var succeeded = run with { Status = RunStatus.Succeeded, FinishedAt = _time.GetUtcNow(), Summary = summary, Timings = Timings() };
        try
        {
            await RunTelemetry.StageAsync("commit", () => _runs.CommitRunAsync(succeeded, spool.ReadAsync(cancellationToken), cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing was committed; the run is worth recording as failed if the store still answers.
            await TryRecordFailureAsync(run, e.Message, Timings());
            throw;
        }

        await CheckpointAsync(RunCheckpoints.Committed, cancellationToken);
        var warning = await RunTelemetry.StageAsync("publish", () => PublishAsync(snapshots, key, version));
        await CheckpointAsync(RunCheckpoints.Published, cancellationToken);
        return new AudienceRunResult
        {
            Outcome = AudienceRunOutcome.Succeeded,
            Run = succeeded,
            Status = AudienceStatus.Live,
            Warning = warning,
        };
    }

    /// <summary>The warehouse part: snapshot v+1 written and diffed against v, the changes spooled as events.</summary>
    private async Task<ChangeSummary> ExtractAsync(
        AudienceRunRequest request, string runId, WarehouseSnapshots snapshots, TimedWarehouse warehouse, EventSpool spool, long committed, long version, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var key = request.AudienceKey;
        var plan = request.Compiled.Plan;
        var enrichment = ResolvedEnrichment.Resolve(request.Enrichment, plan);
        var graph = new GraphSql(warehouse.Dialect, plan.Graph);
        await RunTelemetry.StageAsync("snapshot", () => SnapshotAsync(request, snapshots, warehouse, graph, enrichment, committed, version, cancellationToken));

        var diff = new SnapshotDiff(snapshots.Tables, graph, key);
        var members = await RunTelemetry.StageAsync("diff", async () =>
        {
            var count = await ScalarAsync(warehouse, diff.MemberCount(version), cancellationToken);
            await CheckpointAsync(RunCheckpoints.Diffed, cancellationToken);
            return count;
        });
        var context = new AudienceEventContext(key, version, runId, started, plan.TargetEntity?.Name);
        IWarehouse changes = Options.Checkpoint is { } checkpoint ? new CheckpointWarehouse(warehouse, checkpoint) : warehouse;
        return await RunTelemetry.StageAsync("prepare", () => new ChangeReader(changes, diff, enrichment, context).WriteAsync(spool, members, committed, cancellationToken));
    }

    /// <summary>Snapshot v+1 written in the warehouse after the pointer is synced and leftovers are gone.</summary>
    private async Task SnapshotAsync(
        AudienceRunRequest request, WarehouseSnapshots snapshots, TimedWarehouse warehouse, GraphSql graph, ResolvedEnrichment enrichment, long committed, long version, CancellationToken cancellationToken)
    {
        var key = request.AudienceKey;
        var plan = request.Compiled.Plan;
        if (!_schemaReady)
        {
            await snapshots.EnsureSchemaAsync(cancellationToken);
            _schemaReady = true;
            await CheckpointAsync(RunCheckpoints.SchemaReady, cancellationToken);
        }

        // The app store decides what is committed: the pointer follows it, and every other version is a leftover
        // (a crashed attempt at v+1 included).
        await snapshots.SetCommittedVersionAsync(key, committed, cancellationToken);
        await CheckpointAsync(RunCheckpoints.PointerSynced, cancellationToken);
        await snapshots.DeleteVersionsExceptAsync(key, committed, cancellationToken);
        await CheckpointAsync(RunCheckpoints.LeftoversDeleted, cancellationToken);

        var inserts = new SnapshotInserts(snapshots.Tables, graph, plan, key);
        await warehouse.ExecuteAsync(inserts.Entities(request.Compiled, version), cancellationToken);
        await AnalyzeAsync(warehouse, snapshots.Tables.Entities, cancellationToken);
        await CheckpointAsync(RunCheckpoints.EntitiesWritten, cancellationToken);
        await warehouse.ExecuteAsync(inserts.Members(request.Compiled, version, enrichment), cancellationToken);
        await AnalyzeAsync(warehouse, snapshots.Tables.Members, cancellationToken);
        await CheckpointAsync(RunCheckpoints.MembersWritten, cancellationToken);
    }

    private static async Task AnalyzeAsync(TimedWarehouse warehouse, string table, CancellationToken cancellationToken)
    {
        if (warehouse.Dialect.AnalyzeTable(table) is { } analyze)
        {
            await warehouse.ExecuteAsync(Sql.SqlQuery.Text(analyze), cancellationToken);
        }
    }

    private static async Task<long> ScalarAsync(TimedWarehouse warehouse, Sql.SqlQuery query, CancellationToken cancellationToken)
    {
        await foreach (var row in warehouse.QueryAsync(query, cancellationToken))
        {
            return Convert.ToInt64(row[0], CultureInfo.InvariantCulture);
        }

        return 0;
    }

    /// <summary>After the commit: the warehouse's pointer moves to the new version and the previous snapshot goes.</summary>
    private static async Task<string?> PublishAsync(WarehouseSnapshots snapshots, string key, long version)
    {
        try
        {
            await snapshots.SetCommittedVersionAsync(key, version, CancellationToken.None);
            await snapshots.DeleteVersionsExceptAsync(key, version, CancellationToken.None);
            return null;
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            return "The run is committed, but the warehouse's membership pointer was not updated (the next run repairs it): " + e.Message;
        }
    }

    private const string LeaseLostMessage = "The run lost its lease (another host may be running the audience); nothing was committed.";

    /// <summary>The reason to record when <paramref name="e"/> fails the run; null when it must propagate.</summary>
    private static string? FailureMessage(Exception e, LeaseHeartbeat heartbeat) => e switch
    {
        // Checked first: losing the lease cancels the work, which the warehouse may report as an error of its own.
        _ when heartbeat.IsLost => LeaseLostMessage,
        DbException or WarehouseTimeoutException or SnapshotException => e.Message,
        _ => null,
    };

    private async Task<AudienceRunResult> FailAsync(RunRecord run, string message, StageTimings timings)
    {
        var failed = run with { Status = RunStatus.Failed, FinishedAt = _time.GetUtcNow(), Error = message, Timings = timings };
        await _runs.UpdateRunAsync(failed, CancellationToken.None);
        return new AudienceRunResult { Outcome = AudienceRunOutcome.Failed, Run = failed, Status = AudienceStatus.Failed, StatusReason = message };
    }

    private async Task TryRecordFailureAsync(RunRecord run, string message, StageTimings timings)
    {
        try
        {
            await _runs.UpdateRunAsync(run with { Status = RunStatus.Failed, FinishedAt = _time.GetUtcNow(), Error = message, Timings = timings }, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store that refused the commit may refuse this too; the run then stays Running and is re-run later.
        }
    }

    // A test hook (RunCheckpoints); unset in production, where this is one null check per stage.
    private ValueTask CheckpointAsync(string stage, CancellationToken cancellationToken) =>
        Options.Checkpoint is { } checkpoint ? checkpoint(stage, cancellationToken) : ValueTask.CompletedTask;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
