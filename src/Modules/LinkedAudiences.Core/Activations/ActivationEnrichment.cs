using LinkedAudiences.Core.Runs;

namespace LinkedAudiences.Core.Activations;

/// <summary>The traits and entity properties (from the definition's branches) an activation adds to its events.</summary>
public sealed record ActivationEnrichment
{
    public static readonly ActivationEnrichment None = new();

    public IReadOnlyList<string> Traits { get; init; } = [];

    public IReadOnlyList<EntityEnrichment> Entities { get; init; } = [];

    public bool IsEmpty => Traits.Count == 0 && Entities.All(e => e.Columns.Count == 0);

    /// <summary>What the runner must hash per member so "values changed" events carry these values.</summary>
    public EnrichmentSpec ToSpec() => new() { Traits = Traits, Entities = Entities };

    /// <summary>The union of several activations' enrichments of one audience (the runner takes one spec per run).</summary>
    public static EnrichmentSpec Combine(IEnumerable<ActivationEnrichment> enrichments)
    {
        ArgumentNullException.ThrowIfNull(enrichments);
        var traits = new List<string>();
        var entities = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var enrichment in enrichments)
        {
            traits.AddRange(enrichment.Traits.Where(t => !traits.Contains(t, StringComparer.Ordinal)));
            foreach (var entity in enrichment.Entities)
            {
                if (!entities.TryGetValue(entity.Entity, out var columns))
                {
                    entities[entity.Entity] = columns = [];
                    order.Add(entity.Entity);
                }

                columns.AddRange(entity.Columns.Where(c => !columns.Contains(c, StringComparer.Ordinal)));
            }
        }

        return new EnrichmentSpec { Traits = traits, Entities = [.. order.Select(e => new EntityEnrichment(e, entities[e]))] };
    }
}
