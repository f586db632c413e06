namespace LinkedAudiences.Core.Graph;

/// <summary>
/// The warehouse "data graph": the profile source, the event source, entities and the relationships
/// that link profiles to entities and entities to each other. Versioned JSON (docs/schema/data-graph.schema.json).
/// </summary>
public sealed record DataGraph
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>Name used for the profile side of a relationship ("from": "profile").</summary>
    public const string ProfileNode = "profile";

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required ProfileSource Profile { get; init; }

    public EventSource? Events { get; init; }

    public IReadOnlyList<EntityDefinition> Entities { get; init; } = [];

    public IReadOnlyList<Relationship> Relationships { get; init; } = [];

    public EntityDefinition? FindEntity(string name) =>
        Entities.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));

    public TraitDefinition? FindTrait(string name) =>
        Profile.Traits.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    public Relationship? FindRelationship(string name) =>
        Relationships.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>Relationships leaving <paramref name="from"/> ("profile" or an entity name) towards <paramref name="to"/>.</summary>
    public IEnumerable<Relationship> RelationshipsBetween(string from, string to) =>
        Relationships.Where(r => string.Equals(r.From, from, StringComparison.Ordinal) && string.Equals(r.To, to, StringComparison.Ordinal));
}
