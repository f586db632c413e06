using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Warehouses.PostgreSql.Tests.Support;
using LinkedAudiences.Warehouses.Tests.Support;

namespace LinkedAudiences.Warehouses.PostgreSql.Tests;

/// <summary>The same demo data loaded into PostgreSQL and DuckDB reads back the same, and equals what was generated.</summary>
public sealed class DemoAcrossEnginesTests(DemoBothFixture demo) : IClassFixture<DemoBothFixture>
{
    public static TheoryData<string> TableNames() => [.. DemoWarehouseSchema.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(TableNames))]
    public async Task Table_ReadFromBothEngines_SameRowCountAndContentHashAsGenerated(string name)
    {
        var generated = DemoWarehouseGenerator.Table(DemoBothFixture.Options, name)!;
        var expected = RowHashing.UnorderedHash(generated.Rows, generated.Schema);

        var postgres = RowHashing.UnorderedHash(await ReadAllAsync(demo.Warehouse, name), generated.Schema);
        var duckDb = RowHashing.UnorderedHash(await ReadAllAsync(demo.DuckDb, name), generated.Schema);

        Assert.True(expected.Count > 0);
        Assert.Equal(expected, postgres);
        Assert.Equal(expected, duckDb);
    }

    [Theory]
    [MemberData(nameof(TableNames))]
    public async Task Table_AggregatedInSql_SameChecksumsOnBothEngines(string name)
    {
        var schema = DemoWarehouseSchema.All.Single(t => t.Name == name);
        var sql = ChecksumSql(schema);

        var postgres = Assert.Single(await ReadAsync(demo.Warehouse, sql));
        var duckDb = Assert.Single(await ReadAsync(demo.DuckDb, sql));

        Assert.Equal(postgres, duckDb);
        Assert.True((long)postgres[0]! > 0);
    }

    [Theory]
    [InlineData("address,city")]
    [InlineData("address,country")]
    [InlineData("loyalty,tier")]
    [InlineData("favorite_color")]
    public async Task NestedJsonString_ExtractedOnBothEngines_SameValuesAsGenerated(string path)
    {
        var keys = path.Split(',');
        var postgres = await ReadAsync(demo.Warehouse, $"SELECT profile_id, traits #>> '{{{path}}}' FROM profiles ORDER BY profile_id");
        var duckDb = await ReadAsync(demo.DuckDb, $"SELECT profile_id, json_extract_string(traits, '$.{string.Join('.', keys)}') FROM profiles ORDER BY profile_id");
        var generated = DemoWarehouseGenerator.Table(DemoBothFixture.Options, "profiles")!.Rows
            .Select(r => new object?[] { r[0], StringAt((string?)r[11], keys) }).ToList();

        Assert.Equal(generated, postgres);
        Assert.Equal(generated, duckDb);
        Assert.Contains(generated, r => r[1] is null);
        Assert.Contains(generated, r => r[1] is not null);
    }

    [Fact]
    public async Task NestedJsonTimestamp_CastOnBothEngines_SameUtcValues()
    {
        var postgres = await ReadAsync(demo.Warehouse, "SELECT profile_id, (traits ->> 'last_seen_at')::timestamptz AT TIME ZONE 'UTC' FROM profiles ORDER BY profile_id");
        var duckDb = await ReadAsync(demo.DuckDb, "SELECT profile_id, CAST(json_extract_string(traits, '$.last_seen_at') AS TIMESTAMP) FROM profiles ORDER BY profile_id");

        Assert.Equal(postgres, duckDb);
        Assert.Contains(duckDb, r => r[1] is DateTime);
    }

    [Fact]
    public async Task NestedJsonNumber_OnlyNumbersCount_SameSumOnBothEngines()
    {
        // A number stored as a JSON string is "missing" (SEMANTICS 2); both engines can tell the kinds apart.
        var postgres = Assert.Single(await ReadAsync(demo.Warehouse,
            "SELECT sum((traits #>> '{loyalty,points}')::numeric), count(*) FROM profiles WHERE jsonb_typeof(traits #> '{loyalty,points}') = 'number'"));
        var duckDb = Assert.Single(await ReadAsync(demo.DuckDb,
            "SELECT sum(CAST(json_extract(traits, '$.loyalty.points') AS DECIMAL(38,0))), count(*) FROM profiles WHERE json_type(traits, '$.loyalty.points') IN ('BIGINT', 'UBIGINT', 'DOUBLE')"));

        Assert.Equal(postgres, duckDb);
    }

    /// <summary>Count, and per column: non-null count; sum for numbers; total length for text; day/second sums for dates and times.</summary>
    private static string ChecksumSql(TableSchema schema)
    {
        var parts = new List<string> { "count(*)" };
        foreach (var column in schema.Columns)
        {
            var c = "\"" + column.Name + "\"";
            parts.Add($"count({c})");
            parts.Add(column.Type switch
            {
                WarehouseColumnType.BigInt or WarehouseColumnType.Decimal => $"CAST(sum({c}) AS DECIMAL(38,2))",
                WarehouseColumnType.Varchar => $"CAST(sum(length({c})) AS BIGINT)",
                WarehouseColumnType.Boolean => $"count(CASE WHEN {c} THEN 1 END)",
                WarehouseColumnType.Date => $"CAST(sum({c} - DATE '2000-01-01') AS BIGINT)",
                WarehouseColumnType.Time => $"CAST(sum(EXTRACT(HOUR FROM {c}) * 3600 + EXTRACT(MINUTE FROM {c}) * 60 + EXTRACT(SECOND FROM {c})) AS BIGINT)",
                WarehouseColumnType.Timestamp => $"CAST(sum(EXTRACT(EPOCH FROM {c})) AS BIGINT)",
                _ => $"count(CASE WHEN {c} IS NOT NULL THEN 1 END)",
            });
        }

        return $"SELECT {string.Join(", ", parts)} FROM \"{schema.Name}\"";
    }

    private static string? StringAt(string? json, string[] keys)
    {
        if (json is null)
        {
            return null;
        }

        var node = System.Text.Json.Nodes.JsonNode.Parse(json);
        foreach (var key in keys)
        {
            node = node is System.Text.Json.Nodes.JsonObject o && o.TryGetPropertyValue(key, out var child) ? child : null;
        }

        return node is System.Text.Json.Nodes.JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;
    }

    private static Task<List<object?[]>> ReadAllAsync(IWarehouse warehouse, string table) => ReadAsync(warehouse, $"SELECT * FROM \"{table}\"");

    private static async Task<List<object?[]>> ReadAsync(IWarehouse warehouse, string sql)
    {
        var rows = new List<object?[]>();
        await foreach (var row in warehouse.QueryAsync(SqlQuery.Text(sql), CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }
}
