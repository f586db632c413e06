using LinkedAudiences.Core.Demo;

namespace LinkedAudiences.Testing.Oracle;

/// <summary>Tables by (schema, name), held in memory for the reference evaluator and the definition generator.</summary>
public sealed class InMemoryWarehouse
{
    private readonly Dictionary<(string Schema, string Name), InMemoryTable> _tables = [];

    /// <summary>Loads every table the demo generator yields (materialising its streamed rows).</summary>
    public static InMemoryWarehouse From(IEnumerable<DemoTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var warehouse = new InMemoryWarehouse();
        foreach (var table in tables)
        {
            warehouse.Add(new InMemoryTable(
                table.Schema.Schema,
                table.Schema.Name,
                [.. table.Schema.Columns.Select(c => c.Name)],
                table.Rows));
        }

        return warehouse;
    }

    public IReadOnlyCollection<InMemoryTable> Tables => _tables.Values;

    public InMemoryWarehouse Add(InMemoryTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!_tables.TryAdd((table.Schema ?? string.Empty, table.Name), table))
        {
            throw new ArgumentException($"Table {table.QualifiedName} is already loaded.", nameof(table));
        }

        return this;
    }

    /// <summary>Adds a table in the default schema.</summary>
    public InMemoryWarehouse Add(string name, IReadOnlyList<string> columns, IEnumerable<object?[]> rows) =>
        Add(new InMemoryTable(null, name, columns, rows));

    public InMemoryWarehouse Add(string? schema, string name, IReadOnlyList<string> columns, IEnumerable<object?[]> rows) =>
        Add(new InMemoryTable(schema, name, columns, rows));

    public bool TryGetTable(string? schema, string name, out InMemoryTable table) =>
        _tables.TryGetValue((schema ?? string.Empty, name), out table!);

    /// <summary>The table the data graph names; a missing table is a broken fixture, so it throws.</summary>
    public InMemoryTable Table(string? schema, string name) =>
        TryGetTable(schema, name, out var table)
            ? table
            : throw new InvalidOperationException($"The in-memory warehouse has no table {(schema is null ? name : schema + "." + name)}.");
}
