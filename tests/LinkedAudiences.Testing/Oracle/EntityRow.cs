using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Testing.Oracle;

/// <summary>A row of an entity's table, read through the entity's declared column types.</summary>
internal sealed class EntityRow(EntityDefinition entity, InMemoryTable table, object?[] values)
{
    public EntityDefinition Entity { get; } = entity;

    public object?[] Values { get; } = values;

    /// <summary>Rule 10: the primary key cast to text.</summary>
    public string Key => KeyText.Of(Raw(Entity.PrimaryKey))
        ?? throw new InvalidOperationException($"A row of {Entity.Name} has no primary key value.");

    public object? Raw(string column) => table.Get(Values, column);

    public object? Value(ColumnDefinition column) =>
        TypedValues.FromColumn(column.Type, Raw(column.Name), $"Column {Entity.Name}.{column.Name}");

    public ColumnDefinition Column(string name) =>
        Entity.FindColumn(name) ?? throw new InvalidOperationException($"Entity {Entity.Name} has no column {name}.");
}
