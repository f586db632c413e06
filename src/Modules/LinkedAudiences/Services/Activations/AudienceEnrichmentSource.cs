using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Services.Activations;

/// <summary>
/// Enrichment values at delivery time from the site's warehouse, each event read against the data graph of its own
/// audience (activations of several audiences, on several graphs, share one delivery round).
/// </summary>
public sealed class AudienceEnrichmentSource(IWarehouse warehouse, IAudienceStore audiences) : IEnrichmentSource
{
    private readonly Dictionary<string, WarehouseEnrichmentSource?> _byAudience = new(StringComparer.Ordinal);

    public async Task<EnrichmentValues> ReadAsync(AudienceEvent audienceEvent, IReadOnlyList<string> traits, IReadOnlyList<EntityEnrichment> entities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audienceEvent);
        var source = await SourceAsync(audienceEvent.AudienceKey, cancellationToken)
            ?? throw new InvalidOperationException($"The audience '{audienceEvent.AudienceKey}' or its data graph is not published: its events cannot be enriched.");
        return await source.ReadAsync(audienceEvent, traits, entities, cancellationToken);
    }

    private async Task<WarehouseEnrichmentSource?> SourceAsync(string audienceKey, CancellationToken cancellationToken)
    {
        // The deliverer renders a pass's events one after the other: no two calls at once.
        if (!_byAudience.TryGetValue(audienceKey, out var source))
        {
            var audience = await audiences.GetAudienceAsync(audienceKey, null, cancellationToken);
            var graph = audience is null ? null : await audiences.GetGraphAsync(audience.Settings.GraphKey, null, cancellationToken);
            _byAudience[audienceKey] = source = graph is null ? null : new WarehouseEnrichmentSource(warehouse, graph.Graph);
        }

        return source;
    }
}
