using LinkedAudiences.Core.Graph;
using LinkedAudiences.Testing.Oracle;

namespace LinkedAudiences.Testing.Generation;

/// <summary>Draws values that actually occur in the data, so generated constants match some rows and not others.</summary>
internal sealed class DataSampler
{
    private const int Attempts = 12;
    private readonly DataGraph _graph;
    private readonly InMemoryWarehouse _data;
    private readonly IReadOnlyList<ProfileRow> _profiles;
    private readonly Dictionary<string, IReadOnlyList<EventRow>> _eventsByName;

    public DataSampler(DataGraph graph, InMemoryWarehouse data)
    {
        _graph = graph;
        _data = data;
        var profiles = data.Table(graph.Profile.Schema, graph.Profile.Table);
        _profiles = [.. profiles.Rows.Select(r => new ProfileRow(graph.Profile, profiles, r)).Where(p => p.Key is not null)];
        ProfileKeys = [.. _profiles.Select(p => p.Key!).Order(StringComparer.Ordinal)];

        _eventsByName = new Dictionary<string, IReadOnlyList<EventRow>>(StringComparer.Ordinal);
        if (graph.Events is { } source && data.TryGetTable(source.Schema, source.Table, out var events))
        {
            foreach (var group in events.Rows.Select(r => new EventRow(source, events, r)).Where(e => e.Name is not null).GroupBy(e => e.Name!))
            {
                _eventsByName[group.Key] = [.. group];
            }
        }

        EventNames = [.. _eventsByName.Keys.Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> ProfileKeys { get; }

    /// <summary>Event names present in the data, in ordinal order (deterministic for a seed).</summary>
    public IReadOnlyList<string> EventNames { get; }

    public object? Column(Random random, EntityDefinition entity, ColumnDefinition column)
    {
        if (!_data.TryGetTable(entity.Schema, entity.Table, out var table) || table.Rows.Count == 0)
        {
            return null;
        }

        return FirstNonNull(() =>
        {
            var row = new EntityRow(entity, table, table.Rows[random.Next(table.Rows.Count)]);
            return row.Value(column);
        });
    }

    public object? Trait(Random random, TraitDefinition trait) =>
        _profiles.Count == 0 ? null : FirstNonNull(() => _profiles[random.Next(_profiles.Count)].Trait(trait));

    public object? EventProperty(Random random, string eventName, EventPropertyDefinition property, bool isContext) =>
        _eventsByName.TryGetValue(eventName, out var rows)
            ? FirstNonNull(() => rows[random.Next(rows.Count)].Property(property, isContext))
            : null;

    public DateTime? EventTimestamp(Random random, string eventName) =>
        _eventsByName.TryGetValue(eventName, out var rows)
            ? (DateTime?)FirstNonNull(() => rows[random.Next(rows.Count)].Timestamp)
            : null;

    private static object? FirstNonNull(Func<object?> draw)
    {
        for (var i = 0; i < Attempts; i++)
        {
            // Empty strings are not useful constants (the generator avoids them), so they count as nothing drawn.
            if (draw() is { } value && value is not "")
            {
                return value;
            }
        }

        return null;
    }
}
