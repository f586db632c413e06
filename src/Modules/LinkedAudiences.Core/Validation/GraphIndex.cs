using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Validation;

/// <summary>
/// Null-tolerant lookups over a data graph. Definitions are validated against graphs that may themselves be
/// invalid (missing lists, null items), and validation must not throw, so the model's own Find helpers are not used.
/// </summary>
internal sealed class GraphIndex
{
    private readonly Dictionary<string, EntityDefinition> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Relationship> _relationships = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TraitDefinition> _traits = new(StringComparer.Ordinal);
    private readonly List<Relationship> _allRelationships = [];

    public GraphIndex(DataGraph graph)
    {
        foreach (var e in graph.Entities ?? [])
        {
            if (e?.Name is { } name)
            {
                _entities.TryAdd(name, e);
            }
        }

        foreach (var r in graph.Relationships ?? [])
        {
            if (r?.Name is { } name)
            {
                _relationships.TryAdd(name, r);
                _allRelationships.Add(r);
            }
        }

        foreach (var t in graph.Profile?.Traits ?? [])
        {
            if (t?.Name is { } name)
            {
                _traits.TryAdd(name, t);
            }
        }

        Events = graph.Events;
    }

    public EventSource? Events { get; }

    public EntityDefinition? Entity(string? name) => name is not null && _entities.TryGetValue(name, out var e) ? e : null;

    public Relationship? Relationship(string? name) => name is not null && _relationships.TryGetValue(name, out var r) ? r : null;

    public TraitDefinition? Trait(string? name) => name is not null && _traits.TryGetValue(name, out var t) ? t : null;

    public IReadOnlyList<Relationship> Between(string from, string to) =>
        _allRelationships.Where(r => string.Equals(r.From, from, StringComparison.Ordinal) && string.Equals(r.To, to, StringComparison.Ordinal)).ToList();

    public static ColumnDefinition? Column(EntityDefinition entity, string? name) =>
        name is null ? null : (entity.Columns ?? []).FirstOrDefault(c => c is not null && string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>An event property ("amount") or context key ("context.locale"), with a description for messages.</summary>
    public (EventPropertyDefinition Definition, bool IsContext)? EventProperty(string? name)
    {
        if (Events is null || name is null)
        {
            return null;
        }

        var isContext = name.StartsWith(EventSource.ContextPrefix, StringComparison.Ordinal);
        var key = isContext ? name[EventSource.ContextPrefix.Length..] : name;
        var found = ((isContext ? Events.Context : Events.Properties) ?? [])
            .FirstOrDefault(p => p is not null && string.Equals(p.Name, key, StringComparison.Ordinal));
        return found is null ? null : (found, isContext);
    }

    public IEnumerable<string> EventPropertyNames() =>
        (Events?.Properties ?? []).Where(p => p is not null).Select(p => p.Name)
            .Concat((Events?.Context ?? []).Where(p => p is not null).Select(p => EventSource.ContextPrefix + p.Name));
}
