namespace LinkedAudiences.Core.Definitions;

/// <summary>
/// Where the engine reads other audiences' definitions (for part-of-audience conditions). The Orchard module
/// implements it over content items, the CLI over JSON files, tests over a dictionary.
/// </summary>
public interface IAudienceCatalog
{
    Task<AudienceDefinition?> FindAsync(string audienceKey, CancellationToken cancellationToken);
}

/// <summary>A catalogue over a fixed set of definitions.</summary>
public sealed class InMemoryAudienceCatalog(IReadOnlyDictionary<string, AudienceDefinition> definitions) : IAudienceCatalog
{
    public static readonly InMemoryAudienceCatalog Empty = new(new Dictionary<string, AudienceDefinition>());

    public IReadOnlyDictionary<string, AudienceDefinition> Definitions { get; } = definitions;

    public Task<AudienceDefinition?> FindAsync(string audienceKey, CancellationToken cancellationToken) =>
        Task.FromResult(Definitions.TryGetValue(audienceKey, out var d) ? d : null);
}
