namespace LinkedAudiences.Core.Events;

/// <summary>A member's enrichment values as a "values changed" event carries them: traits by name, entity rows by entity.</summary>
public sealed record EnrichmentValues(IReadOnlyList<NamedValue> Traits, IReadOnlyList<EntityValues> Entities)
{
    public static readonly EnrichmentValues Empty = new([], []);
}

/// <summary>A value as read from the warehouse (string, long, decimal, bool, DateOnly, TimeOnly, DateTime UTC or null).</summary>
public sealed record NamedValue(string Name, object? Value);

/// <summary>The matched rows of one entity, in key order (empty when the member has none).</summary>
public sealed record EntityValues(string Entity, IReadOnlyList<EntityValueRow> Rows);

public sealed record EntityValueRow(string Key, IReadOnlyList<NamedValue> Columns);
