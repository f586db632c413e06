using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Demo;

/// <summary>One generated table: its schema and its rows (streamed; generated deterministically from the seed).</summary>
public sealed record DemoTable(TableSchema Schema, IEnumerable<object?[]> Rows);
