namespace LinkedAudiences.Core.Graph;

/// <summary>The events table: one row per event with its profile, name, timestamp and JSON properties (and context).</summary>
public sealed record EventSource
{
    public string? Schema { get; init; }

    public required string Table { get; init; }

    public required string ProfileIdColumn { get; init; }

    public required string NameColumn { get; init; }

    public required string TimestampColumn { get; init; }

    public required string PropertiesColumn { get; init; }

    public string? ContextColumn { get; init; }

    /// <summary>Known event property keys and their types (flat: the seeds allow no nested event properties).</summary>
    public IReadOnlyList<EventPropertyDefinition> Properties { get; init; } = [];

    /// <summary>Known context keys; a filter names them as "context.KEY".</summary>
    public IReadOnlyList<EventPropertyDefinition> Context { get; init; } = [];

    public const string ContextPrefix = "context.";

    /// <summary>Resolves a filter's property name: "amount" reads the properties column, "context.locale" the context column.</summary>
    public (EventPropertyDefinition Definition, bool IsContext)? FindProperty(string name)
    {
        if (name.StartsWith(ContextPrefix, StringComparison.Ordinal))
        {
            var key = name[ContextPrefix.Length..];
            var c = Context.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.Ordinal));
            return c is null ? null : (c, true);
        }

        var p = Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
        return p is null ? null : (p, false);
    }
}

public sealed record EventPropertyDefinition
{
    public required string Name { get; init; }

    public required DataType Type { get; init; }
}
