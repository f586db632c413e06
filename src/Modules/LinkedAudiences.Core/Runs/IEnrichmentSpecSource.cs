using LinkedAudiences.Core.State;

namespace LinkedAudiences.Core.Runs;

/// <summary>
/// What the activations of an audience ask to enrich its events with. <see cref="StoredAudienceRunner"/> asks before
/// every run; the values' hash decides the "values changed" (freshness) events.
/// </summary>
public interface IEnrichmentSpecSource
{
    Task<EnrichmentSpec> GetEnrichmentAsync(StoredAudience audience, CancellationToken cancellationToken);
}

/// <summary>No enrichment for any audience (until activations supply it).</summary>
public sealed class NoEnrichment : IEnrichmentSpecSource
{
    public static readonly NoEnrichment Instance = new();

    private NoEnrichment()
    {
    }

    public Task<EnrichmentSpec> GetEnrichmentAsync(StoredAudience audience, CancellationToken cancellationToken) =>
        Task.FromResult(EnrichmentSpec.None);
}
