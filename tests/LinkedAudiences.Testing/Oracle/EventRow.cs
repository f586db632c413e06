using System.Text.Json;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Testing.Oracle;

/// <summary>A row of the events table; its JSON properties and context are parsed once, on first use.</summary>
internal sealed class EventRow(EventSource source, InMemoryTable table, object?[] values)
{
    private JsonDocument? _properties;
    private JsonDocument? _context;
    private bool _propertiesParsed;
    private bool _contextParsed;

    public string? Name => table.Get(values, source.NameColumn) as string;

    public DateTime? Timestamp => (DateTime?)TypedValues.FromColumn(DataType.Timestamp, table.Get(values, source.TimestampColumn), "Event timestamp");

    /// <summary>A flat property (rule 2: absent, JSON null or the wrong JSON kind read as null).</summary>
    public object? Property(EventPropertyDefinition property, bool isContext)
    {
        var root = isContext ? Context() : Properties();
        return root is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(property.Name, out var element)
            ? TypedValues.FromJson(property.Type, element)
            : null;
    }

    private JsonElement? Properties()
    {
        if (!_propertiesParsed)
        {
            _properties = Parse(source.PropertiesColumn);
            _propertiesParsed = true;
        }

        return _properties?.RootElement;
    }

    private JsonElement? Context()
    {
        if (!_contextParsed)
        {
            _context = source.ContextColumn is null ? null : Parse(source.ContextColumn);
            _contextParsed = true;
        }

        return _context?.RootElement;
    }

    private JsonDocument? Parse(string column) => table.Get(values, column) is string json ? JsonDocument.Parse(json) : null;
}
