namespace LinkedAudiences.Core.Graph;

/// <summary>A warehouse entity (accounts, credit cards, ...): a table with a single-column primary key and typed columns.</summary>
public sealed record EntityDefinition
{
    public required string Name { get; init; }

    public string? Label { get; init; }

    public string? Schema { get; init; }

    public required string Table { get; init; }

    public required string PrimaryKey { get; init; }

    public IReadOnlyList<ColumnDefinition> Columns { get; init; } = [];

    public ColumnDefinition? FindColumn(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}

public sealed record ColumnDefinition
{
    public required string Name { get; init; }

    public required DataType Type { get; init; }
}
