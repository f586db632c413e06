using LinkedAudiences.Core.Runs;

namespace LinkedAudiences.Benchmarks.Runs;

/// <summary>
/// The example audiences the runs benchmark uses by default, each with what an activation would ask to enrich: two
/// traits (a column and a JSON path) and a column of an entity the audience matches, all of which the churn changes.
/// </summary>
internal static class RunAudiences
{
    private static readonly string[] Traits = ["lifetime_value", "loyalty_tier"];

    private static readonly IReadOnlyDictionary<string, EnrichmentSpec> Enrichments = new Dictionary<string, EnrichmentSpec>(StringComparer.Ordinal)
    {
        ["uc1-outstanding-credit-card"] = new() { Traits = Traits, Entities = [new EntityEnrichment("credit_card", ["balance"])] },
        ["uc3-card-holders-with-transactions"] = new() { Traits = Traits, Entities = [new EntityEnrichment("credit_card", ["balance"])] },
        ["agg-wishlist-over-300"] = new() { Traits = Traits, Entities = [new EntityEnrichment("wishlist_item", ["product"])] },
    };

    public static IReadOnlyList<string> Default { get; } = ["uc1-outstanding-credit-card", "uc3-card-holders-with-transactions", "agg-wishlist-over-300"];

    /// <summary>The audience's enrichment; traits only for an audience this class does not know.</summary>
    public static EnrichmentSpec EnrichmentOf(string key) =>
        Enrichments.TryGetValue(key, out var spec) ? spec : new EnrichmentSpec { Traits = Traits };
}
