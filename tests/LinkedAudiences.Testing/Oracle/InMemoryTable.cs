namespace LinkedAudiences.Testing.Oracle;

/// <summary>
/// One warehouse table held in memory: column names and rows of the CLR values connectors return
/// (long, decimal, string, bool, DateOnly, TimeOnly, DateTime, JSON as string). Lookups by column value are
/// indexed on first use so the oracle can follow joins without scanning.
/// </summary>
public sealed class InMemoryTable
{
    private readonly Dictionary<string, int> _ordinals;
    private readonly Dictionary<int, Dictionary<object, List<object?[]>>> _indexes = [];
    private readonly Lock _indexLock = new();

    public InMemoryTable(string? schema, string name, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Schema = string.IsNullOrEmpty(schema) ? null : schema;
        Name = name;
        Columns = [.. columns];
        _ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Columns.Count; i++)
        {
            if (!_ordinals.TryAdd(Columns[i], i))
            {
                throw new ArgumentException($"Table {name} declares column {Columns[i]} twice.", nameof(columns));
            }
        }

        // Rows are copied: a streaming source may reuse one buffer for every row it yields.
        var copied = new List<object?[]>();
        foreach (var row in rows)
        {
            if (row.Length != Columns.Count)
            {
                throw new ArgumentException($"A row of {name} has {row.Length} values for {Columns.Count} columns.", nameof(rows));
            }

            copied.Add((object?[])row.Clone());
        }

        Rows = copied;
    }

    public string? Schema { get; }

    public string Name { get; }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<object?[]> Rows { get; }

    public bool HasColumn(string column) => _ordinals.ContainsKey(column);

    public int Ordinal(string column) =>
        _ordinals.TryGetValue(column, out var ordinal)
            ? ordinal
            : throw new InvalidOperationException($"Table {QualifiedName} has no column {column}.");

    public object? Get(object?[] row, string column) => row[Ordinal(column)];

    public string QualifiedName => Schema is null ? Name : Schema + "." + Name;

    /// <summary>Rows whose <paramref name="column"/> equals <paramref name="value"/> as SQL would join them: null never matches.</summary>
    public IReadOnlyList<object?[]> RowsWhere(string column, object? value)
    {
        var key = JoinKey.Of(value);
        if (key is null)
        {
            return [];
        }

        return Index(Ordinal(column)).TryGetValue(key, out var rows) ? rows : [];
    }

    private Dictionary<object, List<object?[]>> Index(int ordinal)
    {
        lock (_indexLock)
        {
            if (_indexes.TryGetValue(ordinal, out var existing))
            {
                return existing;
            }

            var index = new Dictionary<object, List<object?[]>>();
            foreach (var row in Rows)
            {
                var key = JoinKey.Of(row[ordinal]);
                if (key is null)
                {
                    continue;
                }

                if (!index.TryGetValue(key, out var list))
                {
                    list = [];
                    index[key] = list;
                }

                list.Add(row);
            }

            _indexes[ordinal] = index;
            return index;
        }
    }
}
