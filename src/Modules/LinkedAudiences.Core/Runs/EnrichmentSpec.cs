namespace LinkedAudiences.Core.Runs;

/// <summary>
/// The values activations ask for (seeds: "enrichment"): profile traits and columns of entities the audience matches.
/// A run hashes them per member inside the warehouse; a member that stays while its hash changes gets a
/// "values changed" event carrying them (data freshness).
/// </summary>
public sealed record EnrichmentSpec
{
    public static readonly EnrichmentSpec None = new();

    /// <summary>Trait names of the data graph's profile.</summary>
    public IReadOnlyList<string> Traits { get; init; } = [];

    /// <summary>Entities of the definition's branches (or the target entity) and the columns wanted from each.</summary>
    public IReadOnlyList<EntityEnrichment> Entities { get; init; } = [];

    public bool IsEmpty => Traits.Count == 0 && Entities.All(e => e.Columns.Count == 0);
}

/// <summary>Columns of one entity; the values of every matched row of it are included, in key order.</summary>
public sealed record EntityEnrichment(string Entity, IReadOnlyList<string> Columns);
