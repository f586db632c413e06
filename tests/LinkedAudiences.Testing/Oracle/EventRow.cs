using System.Text.Json;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Testing.Oracle;

/// <summary>A row of the events table; its JSON properties and context are parsed once, on first use (thread-safely).</summary>
internal sealed class EventRow
{
    private readonly EventSource _source;
    private readonly InMemoryTable _table;
    private readonly object?[] _values;
    private readonly Lazy<JsonDocument?> _properties;
    private readonly Lazy<JsonDocument?> _context;

    public EventRow(EventSource source, InMemoryTable table, object?[] values)
    {
        _source = source;
        _table = table;
        _values = values;
        _properties = new Lazy<JsonDocument?>(() => Parse(source.PropertiesColumn));
        _context = new Lazy<JsonDocument?>(() => source.ContextColumn is null ? null : Parse(source.ContextColumn));
    }

    public string? Name => _table.Get(_values, _source.NameColumn) as string;

    public DateTime? Timestamp => (DateTime?)TypedValues.FromColumn(DataType.Timestamp, _table.Get(_values, _source.TimestampColumn), "Event timestamp");

    /// <summary>A flat property (rule 2: absent, JSON null or the wrong JSON kind read as null).</summary>
    public object? Property(EventPropertyDefinition property, bool isContext)
    {
        var root = (isContext ? _context : _properties).Value?.RootElement;
        return root is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(property.Name, out var element)
            ? TypedValues.FromJson(property.Type, element)
            : null;
    }

    private JsonDocument? Parse(string column) => _table.Get(_values, column) is string json ? JsonDocument.Parse(json) : null;
}
