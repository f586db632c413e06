using System.Globalization;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Suggestions;
using LinkedAudiences.Warehouses.Tests.Support;

namespace LinkedAudiences.Warehouses.DuckDb.Tests.Suggestions;

/// <summary>
/// The builder's value suggestions (<see cref="SuggestionCompiler"/>) over the demo world the admin's builder uses, on
/// DuckDB: each answer checked against a plain query of the same data. The bounds themselves (500, 65) are exercised
/// with an overflowing world in the CLI's suggest tests.
/// </summary>
public sealed class DemoSuggestionTests(DemoDuckDbFixture demo) : IClassFixture<DemoDuckDbFixture>
{
    private static readonly DataGraph Graph = LinkedAudiencesJson.ParseGraph(File.ReadAllText(RepositoryFiles.PathOf("docs/examples/demo.graph.json")));

    private readonly SuggestionCompiler _compiler = new(TestDialect.DuckDb);

    [Fact]
    public async Task EntityColumnValues_PetTypes_EveryDistinctValueCaseSensitiveInOrdinalOrder()
    {
        var expected = (await ValuesAsync("SELECT DISTINCT type FROM pets WHERE type IS NOT NULL")).Order(StringComparer.Ordinal).ToList();

        var values = await ValuesAsync(_compiler.EntityColumnValues(Graph, "pet", "type"));

        Assert.Equal(expected, values);
        Assert.Contains("Cat", values);
        Assert.Contains("cat", values);
    }

    [Fact]
    public async Task TraitValues_NestedStringTrait_CountsOnlyStringsAtThatPath()
    {
        var expected = await PairsAsync("""
            SELECT json_extract_string(traits, '$.loyalty.tier'), COUNT(*) FROM profiles
            WHERE json_type(traits, '$.loyalty.tier') = 'VARCHAR' GROUP BY 1
            """);

        var answer = await PairsAsync(_compiler.TraitValues(Graph, "loyalty_tier"));

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), answer.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(answer.Select(p => p.Value).OrderDescending(), answer.Select(p => p.Value));
    }

    [Fact]
    public async Task TraitValues_BooleanColumnTrait_TrueAndFalseWithTheirCounts()
    {
        var vip = await demo.CountAsync("SELECT COUNT(*) FROM profiles WHERE is_vip");
        var notVip = await demo.CountAsync("SELECT COUNT(*) FROM profiles WHERE NOT is_vip");

        var answer = await PairsAsync(_compiler.TraitValues(Graph, "is_vip"));

        Assert.Equal(new Dictionary<string, long> { ["True"] = vip, ["False"] = notVip }, answer.ToDictionary(p => p.Key, p => p.Value));
    }

    [Fact]
    public async Task EventPropertyValues_ContextKey_ValuesOfThatEventOnlyMostFrequentFirst()
    {
        var expected = await PairsAsync("""
            SELECT json_extract_string(context, '$.channel'), COUNT(*) FROM events
            WHERE event = 'Signed In' AND json_type(context, '$.channel') = 'VARCHAR' GROUP BY 1
            """);

        var answer = await PairsAsync(_compiler.EventPropertyValues(Graph, "Signed In", "context.channel"));

        Assert.NotEmpty(answer);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), answer.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(answer.Select(p => p.Value).OrderDescending(), answer.Select(p => p.Value));
    }

    [Fact]
    public async Task EventPropertyValues_NumberProperty_AtMost65AndNumericTiesInValueOrder()
    {
        var answer = await RowsAsync(_compiler.EventPropertyValues(Graph, "Order Completed", "amount"));

        Assert.InRange(answer.Count, 1, SuggestionCompiler.DefaultTopValueLimit);
        Assert.All(answer, r => Assert.IsType<decimal>(r[0]));
        for (var i = 1; i < answer.Count; i++)
        {
            var (previous, current) = (answer[i - 1], answer[i]);
            var order = Comparer<long>.Default.Compare((long)current[1]!, (long)previous[1]!);
            Assert.True(order < 0 || (order == 0 && (decimal)current[0]! > (decimal)previous[0]!), $"row {i} is out of order");
        }
    }

    [Fact]
    public async Task TraitValues_ScanLimitBelowTheTable_SuggestsFromThatManyRowsOnly()
    {
        var compiler = new SuggestionCompiler(TestDialect.DuckDb) { ScanLimit = 25 };

        var answer = await PairsAsync(compiler.TraitValues(Graph, "plan"));

        Assert.Equal(25, answer.Sum(p => p.Value));
    }

    private async Task<List<object?[]>> RowsAsync(SqlQuery query)
    {
        var rows = new List<object?[]>();
        await foreach (var row in demo.Warehouse.QueryAsync(query, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    private async Task<List<string>> ValuesAsync(SqlQuery query) => [.. (await RowsAsync(query)).Select(r => (string)r[0]!)];

    private Task<List<string>> ValuesAsync(string sql) => ValuesAsync(new SqlQuery(sql, []));

    private async Task<List<KeyValuePair<string, long>>> PairsAsync(SqlQuery query) =>
        [.. (await RowsAsync(query)).Select(r => KeyValuePair.Create(Convert.ToString(r[0], CultureInfo.InvariantCulture)!, Convert.ToInt64(r[1], CultureInfo.InvariantCulture)))];

    private Task<List<KeyValuePair<string, long>>> PairsAsync(string sql) => PairsAsync(new SqlQuery(sql, []));
}
