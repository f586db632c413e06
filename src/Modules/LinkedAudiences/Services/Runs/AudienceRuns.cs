using LinkedAudiences.Core.Lifecycle;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Core.Snapshots;
using LinkedAudiences.Core.State;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.Environment.Shell.Scope;

namespace LinkedAudiences.Services.Runs;

/// <summary>
/// The engine's run machinery wired for one tenant: the <see cref="ContentAudienceStore"/>, the tenant's state store,
/// the site's warehouse (opened when a run needs it), a <see cref="StoredAudienceRunner"/>, and a lifecycle and a
/// scheduler sharing the tenant's registry of running audiences. Scoped: one wiring per request, tick or deferred task.
/// </summary>
/// <param name="enrichment">What the audience's activations enrich (DeliveryStartup registers it); none when null.</param>
public sealed class AudienceRuns(TenantStateStore tenantState, ContentAudienceStore audiences, WarehouseConnector warehouses, IEnrichmentSpecSource? enrichment = null) : IAsyncDisposable
{
    private LazyWarehouse? _warehouse;
    private Wiring? _wiring;
    private bool _afterRunsQueued;

    public ContentAudienceStore Audiences => audiences;

    /// <summary>One scheduler pass (the background task's): due audiences run, unfinished runs resume.</summary>
    public async Task<IReadOnlyList<LifecycleRunResult>> TickAsync(CancellationToken cancellationToken)
    {
        var results = await (await WireAsync(cancellationToken)).Scheduler.TickAsync(cancellationToken);
        if (results.Count > 0)
        {
            AfterRuns();
        }

        return results;
    }

    /// <summary>Enables the audience and runs it at once; the state after the run.</summary>
    public async Task<AudienceState> EnableAsync(string key, CancellationToken cancellationToken)
    {
        var state = await (await WireAsync(cancellationToken)).Lifecycle.EnableAsync(key, cancellationToken);
        AfterRuns();
        return state;
    }

    public async Task<AudienceState> DisableAsync(string key, CancellationToken cancellationToken) =>
        await (await WireAsync(cancellationToken)).Lifecycle.DisableAsync(key, cancellationToken);

    /// <exception cref="AudienceLifecycleException">Disabled, a run in progress, or no such audience.</exception>
    public async Task<LifecycleRunResult> RunNowAsync(string key, CancellationToken cancellationToken)
    {
        var result = await (await WireAsync(cancellationToken)).Lifecycle.RunNowAsync(key, cancellationToken);
        AfterRuns();
        return result;
    }

    /// <summary>Newest first, at most 50.</summary>
    public async Task<IReadOnlyList<RunRecord>> ListRunsAsync(string key, CancellationToken cancellationToken) =>
        await (await tenantState.GetAsync(cancellationToken)).Runs.ListRunsAsync(key, 50, cancellationToken);

    public async Task<IReadOnlyList<AudienceConsumer>> GetConsumersAsync(string key, CancellationToken cancellationToken) =>
        await (await WireAsync(cancellationToken)).Lifecycle.GetConsumersAsync(key, cancellationToken);

    /// <summary>Publishing changed what the editor asked (the part's Enabled) against what the lifecycle did: catch up.</summary>
    public async Task SyncEnabledAsync(string key, bool requested, CancellationToken cancellationToken)
    {
        var audience = await audiences.GetAudienceAsync(key, null, cancellationToken);
        if (audience is null || audience.State.Enabled == requested)
        {
            return;
        }

        if (requested)
        {
            await EnableAsync(key, cancellationToken);
        }
        else
        {
            await DisableAsync(key, cancellationToken);
        }
    }

    /// <summary>A deleted audience: drops its warehouse snapshots, then its runs, outbox and committed version.</summary>
    public async Task ForgetAsync(string key, CancellationToken cancellationToken)
    {
        var runs = (await tenantState.GetAsync(cancellationToken)).Runs;
        if (await runs.GetCommittedVersionAsync(key, cancellationToken) == 0 && (await runs.ListRunsAsync(key, 1, cancellationToken)).Count == 0)
        {
            // Never ran: nothing in the warehouse or the state store (and no need to open the warehouse).
            return;
        }

        await WireAsync(cancellationToken);
        await new WarehouseSnapshotCleaner(_warehouse!, new AudienceRunnerOptions().Snapshots).DropSnapshotsAsync(key, cancellationToken);
        await runs.DeleteAudienceAsync(key, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_warehouse is not null)
        {
            await _warehouse.DisposeAsync();
        }
    }

    /// <summary>
    /// Tells the <see cref="IAudienceRunsFinished"/> services (if a feature registered any) once this scope has ended:
    /// its session has committed by then, and they work in a scope of their own. Once per scope.
    /// </summary>
    private void AfterRuns()
    {
        if (_afterRunsQueued || ShellScope.Current is null)
        {
            return;
        }

        _afterRunsQueued = true;
        ShellScope.AddDeferredTask(async scope =>
        {
            foreach (var listener in scope.ServiceProvider.GetServices<IAudienceRunsFinished>())
            {
                await listener.RunsFinishedAsync(CancellationToken.None);
            }
        });
    }

    private async Task<Wiring> WireAsync(CancellationToken cancellationToken)
    {
        if (_wiring is not null)
        {
            return _wiring;
        }

        var state = await tenantState.GetAsync(cancellationToken);
        var settings = await warehouses.GetSettingsAsync();
        _warehouse = new LazyWarehouse(settings.WarehouseKind, warehouses.OpenAsync);
        var options = new AudienceRunnerOptions();
        var runner = new StoredAudienceRunner(audiences, state.Runs, state.Leases, _warehouse, tenantState.Time, options, enrichment);
        var cleaner = new WarehouseSnapshotCleaner(_warehouse, options.Snapshots);
        var lifecycle = new AudienceLifecycle(
            audiences, state.Runs, state.Leases, runner, cleaner, StoredAudienceValidation.For(audiences), tenantState.Time, tenantState.Running);
        // One DuckDB file is one embedded database: its runs go one at a time.
        var concurrency = new AudienceSchedulerOptions { MaxConcurrentRuns = _warehouse.Dialect is Core.Sql.Dialects.DuckDbDialect ? 1 : 4 };
        var scheduler = new AudienceScheduler(audiences, state.Runs, state.Leases, runner, tenantState.Time, tenantState.Running, concurrency);
        return _wiring = new Wiring(lifecycle, scheduler);
    }

    private sealed record Wiring(AudienceLifecycle Lifecycle, AudienceScheduler Scheduler);
}
