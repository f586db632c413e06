using System.Diagnostics;
using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Delivery.Destinations;
using LinkedAudiences.Core.Templates;
using LinkedAudiences.Services.Runs;
using Microsoft.Extensions.Options;

namespace LinkedAudiences.Services.Activations;

/// <summary>
/// The engine's delivery wired for one tenant: the tenant state store's outbox and delivery records, the published
/// activations, the site's warehouse (opened only when an event needs enrichment or write-back), an HTTP client from
/// the host's factory and the tenant's Data Protection keys for secrets. Scoped: one wiring per tick or request.
/// </summary>
public sealed class ActivationDelivery(
    TenantStateStore tenantState,
    ActivationCatalog catalog,
    ContentAudienceStore audiences,
    WarehouseConnector warehouses,
    IHttpClientFactory httpClients,
    ISecretProtector secrets,
    ITemplateRenderer templates,
    IOptions<ActivationDeliveryOptions> options) : IAsyncDisposable
{
    public const string HttpClientName = "LinkedAudiences.Delivery";

    private LazyWarehouse? _warehouse;

    public TimeProvider Time => tenantState.Time;

    /// <summary>
    /// One tick: delivery rounds over every published, enabled activation until nothing is due now (or due within
    /// <see cref="ActivationDeliveryOptions.RetryWaitWithinTick"/>), at most <see cref="ActivationDeliveryOptions.TickBudget"/>.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryRound>> RunTickAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var deliverer = await DelivererAsync(cancellationToken);
        // The poll interval is the tick budget: an activation with nothing pending is not polled again in this tick.
        var worker = new DeliveryWorker(deliverer, catalog.ListPublishedAsync, Time, new DeliveryWorkerOptions { PollInterval = settings.TickBudget, ErrorDelay = settings.TickBudget });
        var started = Time.GetTimestamp();
        var rounds = new List<DeliveryRound>();
        while (true)
        {
            var round = await worker.RunRoundAsync(cancellationToken);
            rounds.Add(round);
            var elapsed = Time.GetElapsedTime(started);
            if (round.Passes.Count == 0 || round.Delay > settings.RetryWaitWithinTick || elapsed + round.Delay >= settings.TickBudget)
            {
                return rounds;
            }

            if (round.Delay > TimeSpan.Zero)
            {
                await Task.Delay(round.Delay, Time, cancellationToken);
            }
        }
    }

    /// <summary>Seeds' "send a test event": rendered and sent as a real one, not recorded.</summary>
    public async Task<TestEventResult> SendTestEventAsync(Activation activation, string userId, CancellationToken cancellationToken)
    {
        var warehouse = await WarehouseAsync();
        return await new TestEventSender(Destinations(warehouse), Renderer(warehouse), Time).SendAsync(activation, userId, cancellationToken);
    }

    public async Task<DeliveryOverview> OverviewAsync(string activationKey, DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, CancellationToken cancellationToken) =>
        await DeliveryOverview.LoadAsync(await StoreAsync(cancellationToken), activationKey, from, to, bucket, cancellationToken);

    /// <summary>Seeds' "send events for current members": enqueues the committed members once (the store skips known messageIds).</summary>
    public async Task<int> EnqueueExistingMembersAsync(Activation activation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activation);
        var audience = await audiences.GetAudienceAsync(activation.AudienceKey, null, cancellationToken);
        var graph = audience is null ? null : await audiences.GetGraphAsync(audience.Settings.GraphKey, null, cancellationToken);
        if (graph is null)
        {
            return 0;
        }

        var state = await tenantState.GetAsync(cancellationToken);
        return await new ExistingMembers(await WarehouseAsync(), graph.Graph, state.Runs, await StoreAsync(cancellationToken), Time).EnqueueAsync(activation, cancellationToken);
    }

    /// <summary>A deleted activation: its cursor and delivery records go.</summary>
    public async Task ForgetAsync(string activationKey, CancellationToken cancellationToken) =>
        await (await StoreAsync(cancellationToken)).DeleteActivationAsync(activationKey, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_warehouse is not null)
        {
            await _warehouse.DisposeAsync();
        }
    }

    private async Task<ActivationDeliverer> DelivererAsync(CancellationToken cancellationToken)
    {
        var state = await tenantState.GetAsync(cancellationToken);
        var settings = options.Value;
        var warehouse = await WarehouseAsync();
        return new ActivationDeliverer(
            state.Runs, await StoreAsync(cancellationToken), Destinations(warehouse), Renderer(warehouse), Time,
            new DeliveryOptions { OutboxPageSize = settings.OutboxPageSize, MaxEventsPerPass = settings.MaxEventsPerPass });
    }

    private async Task<IDeliveryStore> StoreAsync(CancellationToken cancellationToken) =>
        await tenantState.GetAsync(cancellationToken) is Storage.StateStore store
            ? store.Deliveries
            : throw new UnreachableException("The tenant state store is the Storage project's StateStore.");

    private DestinationFactory Destinations(LazyWarehouse warehouse) =>
        new(httpClients.CreateClient(HttpClientName), secrets, Time, warehouse);

    private EventRenderer Renderer(LazyWarehouse warehouse) => new(templates, new AudienceEnrichmentSource(warehouse, audiences));

    /// <summary>The site's warehouse, opened by its first query (a round without enrichment or write-back never opens it).</summary>
    private async Task<LazyWarehouse> WarehouseAsync() =>
        _warehouse ??= new LazyWarehouse((await warehouses.GetSettingsAsync()).WarehouseKind, warehouses.OpenAsync);
}
