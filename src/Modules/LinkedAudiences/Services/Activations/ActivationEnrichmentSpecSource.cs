using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.State;

namespace LinkedAudiences.Services.Activations;

/// <summary>
/// What a run of an audience hashes per member for "values changed" (freshness) events: the union of the enrichment
/// of the audience's published, enabled activations.
/// </summary>
public sealed class ActivationEnrichmentSpecSource(ActivationCatalog catalog) : IEnrichmentSpecSource
{
    public async Task<EnrichmentSpec> GetEnrichmentAsync(StoredAudience audience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var activations = await catalog.ListPublishedAsync(audience.Key, cancellationToken);
        return ActivationEnrichment.Combine(activations.Where(a => a.Enabled).Select(a => a.Enrichment));
    }
}
