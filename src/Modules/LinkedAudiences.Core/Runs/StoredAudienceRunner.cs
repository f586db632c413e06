using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Runs;

/// <summary>
/// The <see cref="IAudienceRunner"/> of hosts that keep audiences and graphs in an <see cref="IAudienceStore"/>: loads
/// the audience's latest version and its data graph, compiles it (part-of-audience conditions resolve through the
/// store) as of now, and runs it with <see cref="AudienceRunner"/> against one warehouse. A run of the audience left
/// Queued or Running (its host died, or it was cancelled) is executed again under its own id, definition version and
/// as-of, so it yields the same messageIds. An invalid definition or a missing graph becomes a Failed run with the
/// reason. Like every runner it records runs only; the audience's lifecycle state is its caller's.
/// </summary>
public sealed class StoredAudienceRunner : IAudienceRunner
{
    /// <summary>
    /// How long after a run finished its outcome may still be on its way to the audience's state (the caller records
    /// it right after the run; see <see cref="OutcomePendingAsync"/>). Beyond it, a claim left behind by a host that died in
    /// between is run again.
    /// </summary>
    public static readonly TimeSpan OutcomeWindow = TimeSpan.FromMinutes(1);

    private readonly IAudienceStore _audiences;
    private readonly IRunStore _runs;
    private readonly ILeaseStore _leases;
    private readonly IWarehouse _warehouse;
    private readonly TimeProvider _time;
    private readonly IEnrichmentSpecSource _enrichment;
    private readonly AudienceRunner _runner;
    private readonly StoredAudienceCatalog _catalog;

    public StoredAudienceRunner(
        IStateStore state, IWarehouse warehouse, TimeProvider timeProvider, AudienceRunnerOptions? options = null, IEnrichmentSpecSource? enrichment = null)
        : this(
            (state ?? throw new ArgumentNullException(nameof(state))).Audiences, state.Runs, state.Leases, warehouse, timeProvider, options, enrichment)
    {
    }

    /// <param name="enrichment">What activations ask to enrich; <see cref="NoEnrichment"/> when null.</param>
    public StoredAudienceRunner(
        IAudienceStore audiences,
        IRunStore runs,
        ILeaseStore leases,
        IWarehouse warehouse,
        TimeProvider timeProvider,
        AudienceRunnerOptions? options = null,
        IEnrichmentSpecSource? enrichment = null)
    {
        _audiences = audiences ?? throw new ArgumentNullException(nameof(audiences));
        _runs = runs ?? throw new ArgumentNullException(nameof(runs));
        _leases = leases ?? throw new ArgumentNullException(nameof(leases));
        _warehouse = warehouse ?? throw new ArgumentNullException(nameof(warehouse));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _enrichment = enrichment ?? NoEnrichment.Instance;
        _runner = new AudienceRunner(warehouse, runs, leases, timeProvider, options);
        _catalog = new StoredAudienceCatalog(audiences);
        EngineOptions = EngineOptionsFor(_runner.Options);
    }

    public AudienceRunnerOptions Options => _runner.Options;

    /// <summary>The engine options matching <see cref="Options"/>: membership conditions read the snapshots this runner writes.</summary>
    public AudienceEngineOptions EngineOptions { get; }

    /// <summary>Engine options whose membership view is the one <paramref name="options"/> makes the runner maintain.</summary>
    public static AudienceEngineOptions EngineOptionsFor(AudienceRunnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AudienceEngineOptions { MembershipSchema = options.Snapshots.Schema, MembershipTable = options.Snapshots.MembershipView };
    }

    /// <inheritdoc/>
    /// <exception cref="KeyNotFoundException">The store has no audience <paramref name="audienceKey"/>.</exception>
    public async Task<RunRecord?> RunAsync(string audienceKey, RunTrigger trigger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(audienceKey);
        var latest = await _audiences.GetAudienceAsync(audienceKey, null, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no audience with the key '{audienceKey}'.");
        var unfinished = (await _runs.ListUnfinishedRunsAsync(cancellationToken))
            .Where(r => string.Equals(r.AudienceKey, audienceKey, StringComparison.Ordinal))
            .MaxBy(r => r.QueuedAt);
        if (unfinished is null && await OutcomePendingAsync(latest, cancellationToken))
        {
            return null;
        }

        // A resumed run repeats what it was: the same definition version (when the store still has it) and as-of.
        var audience = unfinished is null
            ? latest
            : await _audiences.GetAudienceAsync(audienceKey, unfinished.DefinitionVersion, cancellationToken) ?? latest;
        var asOf = unfinished?.AsOf ?? _time.GetUtcNow();

        var graph = await _audiences.GetGraphAsync(audience.Settings.GraphKey, null, cancellationToken);
        if (graph is null)
        {
            return await RecordFailureAsync(
                audience, unfinished, trigger, asOf,
                $"Audience '{audienceKey}' uses the data graph '{audience.Settings.GraphKey}', which is not in the store: save the graph, or point the audience at another one.",
                cancellationToken);
        }

        Sql.CompiledAudience compiled;
        try
        {
            var engine = new AudienceEngine(graph.Graph, _catalog, EngineOptions);
            compiled = await engine.CompileAsync(audience.Definition, _warehouse.Dialect, asOf, cancellationToken, audienceKey);
        }
        catch (AudienceValidationException e)
        {
            return await RecordFailureAsync(
                audience, unfinished, trigger, asOf,
                $"Version {audience.Version} of audience '{audienceKey}' is invalid against data graph '{graph.Key}' (version {graph.Version}):{Environment.NewLine}{e.Result}",
                cancellationToken);
        }

        var request = new AudienceRunRequest
        {
            AudienceKey = audienceKey,
            Compiled = compiled,
            AsOf = asOf,
            DefinitionVersion = audience.Version,
            Trigger = trigger,
            Enrichment = await _enrichment.GetEnrichmentAsync(audience, cancellationToken),
            RunId = unfinished?.RunId,
        };
        try
        {
            var result = await _runner.RunAsync(request, cancellationToken);
            return result.Outcome == AudienceRunOutcome.LeaseHeld ? null : result.Run;
        }
        catch (InvalidOperationException) when (unfinished is not null)
        {
            if (await HasFinishedAsync(unfinished.RunId))
            {
                // Its owner finished it between our look at the store and our taking the lease: the owner records it.
                return null;
            }

            throw;
        }
    }

    /// <summary>
    /// True when the audience's latest run finished moments ago and its outcome is not (or only just) in the audience's
    /// state: the caller that ran it is recording it, and a run started now would repeat the same slot. Hosts sharing
    /// a store can come here through a stale view (a tick that looked while that run was still going); a caller that
    /// claimed the audience for this run finds it Computing, with the last run's outcome recorded.
    /// </summary>
    private async Task<bool> OutcomePendingAsync(StoredAudience audience, CancellationToken cancellationToken)
    {
        var runs = await _runs.ListRunsAsync(audience.Key, 1, cancellationToken);
        var last = runs.Count == 0 ? null : runs[0];
        if (last is not { Status: RunStatus.Succeeded or RunStatus.Failed, FinishedAt: { } finished }
            || _time.GetUtcNow() - finished > OutcomeWindow)
        {
            return false;
        }

        var state = audience.State;
        return finished > (state.LastRunAt ?? DateTimeOffset.MinValue)
            || state is { Enabled: true, Status: not AudienceStatus.Computing };
    }

    private async Task<bool> HasFinishedAsync(string runId) =>
        await _runs.FindRunAsync(runId, CancellationToken.None) is null or { Status: RunStatus.Succeeded or RunStatus.Failed };

    /// <summary>Records a run that could not start (nothing reached the warehouse), under the run lease like any run.</summary>
    private async Task<RunRecord?> RecordFailureAsync(
        StoredAudience audience, RunRecord? unfinished, RunTrigger trigger, DateTimeOffset asOf, string reason, CancellationToken cancellationToken)
    {
        var lease = AudienceRunner.LeaseName(audience.Key);
        var owner = "invalid/" + Guid.NewGuid().ToString("N");
        if (!await _leases.TryAcquireAsync(lease, owner, Options.LeaseDuration, cancellationToken))
        {
            return null;
        }

        try
        {
            var now = _time.GetUtcNow();
            var running = new RunRecord
            {
                RunId = unfinished?.RunId ?? Guid.NewGuid().ToString("N"),
                AudienceKey = audience.Key,
                DefinitionVersion = audience.Version,
                MembershipVersion = await _runs.GetCommittedVersionAsync(audience.Key, cancellationToken) + 1,
                Trigger = unfinished?.Trigger ?? trigger,
                QueuedAt = unfinished?.QueuedAt ?? now,
                StartedAt = now,
                AsOf = asOf,
                Status = RunStatus.Running,
            };
            if (unfinished is null)
            {
                await _runs.CreateRunAsync(running, cancellationToken);
            }
            else if (await HasFinishedAsync(unfinished.RunId))
            {
                return null;
            }

            // Recorded through an update, which also prunes the history to the runs kept per audience.
            var failed = running with { Status = RunStatus.Failed, FinishedAt = _time.GetUtcNow(), Error = reason };
            await _runs.UpdateRunAsync(failed, CancellationToken.None);
            return failed;
        }
        finally
        {
            await _leases.ReleaseAsync(lease, owner, CancellationToken.None);
        }
    }
}
