using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Events;

namespace LinkedAudiences.Core.Delivery;

/// <summary>Reads a member's enrichment values at delivery time (traits, and the matched rows of enriched entities).</summary>
public interface IEnrichmentSource
{
    /// <param name="traits">The traits wanted (the enrichment's, plus the identifier trait).</param>
    Task<EnrichmentValues> ReadAsync(AudienceEvent audienceEvent, IReadOnlyList<string> traits, IReadOnlyList<Runs.EntityEnrichment> entities, CancellationToken cancellationToken);
}
