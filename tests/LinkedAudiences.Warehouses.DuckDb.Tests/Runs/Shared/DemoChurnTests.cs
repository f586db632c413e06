using System.Globalization;
using System.Text.Json;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Testing.Churn;

namespace LinkedAudiences.Warehouses.Tests.Runs;

/// <summary>
/// The demo world at 300 profiles, scripted churn between runs, and the events checked against an oracle computed in
/// the test from the compiled members and matched-entities queries and the raw enrichment values (read whole, which
/// the runner never does): entered/exited as set differences, entity events per (member, branch, entity, key), values
/// changed wherever a staying member's traits or matched rows' columns differ.
/// </summary>
public abstract class DemoChurnTests : RunTestBase
{
    private const string Key = "cards-or-cats";

    private static readonly AudienceDefinition CardsOrCats = JsonSerializer.Deserialize<AudienceDefinition>(DemoChurn.AudienceJson, LinkedAudiencesJson.Options)!;

    private static readonly EnrichmentSpec Enrichment = new()
    {
        Traits = ["loyalty_tier", "city"],
        Entities = [new EntityEnrichment("credit_card", ["balance"]), new EntityEnrichment("pet", ["name", "age"])],
    };

    protected override IAudienceCatalog Catalog => InMemoryAudienceCatalog.Empty;

    protected override Task LoadAsync(IBulkLoader loader) => DemoWarehouseBuilder.BuildAsync(loader, new DemoWarehouseOptions { Profiles = 300 }, CancellationToken.None);

    [Fact]
    public async Task Runs_DemoWorldWithScriptedChurn_EventsMatchTheOracleExactly()
    {
        var empty = State.Empty;
        var before = await StateAsync();

        var first = await RunAsync(CardsOrCats, Key, Enrichment);
        await ExecuteAllAsync(DemoChurn.Statements);
        var after = await StateAsync();
        var second = await RunAsync(CardsOrCats, Key, Enrichment);
        var third = await RunAsync(CardsOrCats, Key, Enrichment);

        var expectedFirst = Expect(empty, before, 1);
        var expectedSecond = Expect(before, after, 2);
        Assert.True(before.Members.Count > 50, $"The demo audience should be sizeable; it has {before.Members.Count} members.");
        Assert.Equal(expectedFirst.Descriptions, expectedFirst.Describe(EventsOf(first)));
        Assert.Equal(expectedSecond.Descriptions, expectedSecond.Describe(EventsOf(second)));
        Assert.Empty(EventsOf(third));
        var summary = second.Run!.Summary;
        Assert.All(new[] { summary.Entered, summary.Exited, summary.EntitiesEntered, summary.EntitiesExited, summary.ValuesChanged }, n => Assert.True(n > 0, $"Every kind of change should occur: {summary}"));
        Assert.Equal(after.Members.Count, summary.Members);
    }

    private static ExpectedEvents Expect(State before, State after, long version)
    {
        var expected = new ExpectedEvents(Key, version);
        expected.Entered([.. after.Members.Except(before.Members)]);
        expected.Exited([.. before.Members.Except(after.Members)]);
        foreach (var row in after.Entities.Except(before.Entities))
        {
            expected.EntityEntered(row.Member, row.Branch, row.Entity, row.Key);
        }

        foreach (var row in before.Entities.Except(after.Entities))
        {
            expected.EntityExited(row.Member, row.Branch, row.Entity, row.Key);
        }

        expected.ValuesChanged([.. after.Members.Intersect(before.Members).Where(m => !string.Equals(before.Values[m], after.Values[m], StringComparison.Ordinal))]);
        return expected;
    }

    /// <summary>The oracle's view of the world now: members, matched entity rows, and each member's enrichment values as text.</summary>
    private async Task<State> StateAsync()
    {
        var compiled = await Engine().CompileAsync(CardsOrCats, Warehouse.Dialect, AsOf, CancellationToken.None, Key);
        var members = (await RowsAsync(compiled.Members)).Select(r => Text(r[0])).ToHashSet(StringComparer.Ordinal);
        var entities = (await RowsAsync(compiled.MatchedEntities))
            .Where(r => r[4] is not null)
            .Select(r => new MatchedRow(Text(r[0]), Text(r[1]), Text(r[3]), Text(r[4])))
            .ToHashSet();

        var dialect = Warehouse.Dialect;
        var traits = DemoGraph.Graph.Profile.Traits;
        string Json(string trait) => dialect.JsonValue("p.traits", traits.First(t => t.Name == trait).PathSegments, DataType.String);
        var traitValues = (await RowsAsync(SqlQuery.Text($"SELECT CAST(p.profile_id AS VARCHAR), {Json("loyalty_tier")}, {Json("city")} FROM profiles AS p")))
            .ToDictionary(r => Text(r[0]), r => $"{r[1]}|{r[2]}", StringComparer.Ordinal);
        var cards = (await RowsAsync(SqlQuery.Text("SELECT CAST(card_id AS VARCHAR), balance FROM credit_cards")))
            .ToDictionary(r => Text(r[0]), r => Text(r[1]), StringComparer.Ordinal);
        var pets = (await RowsAsync(SqlQuery.Text("SELECT CAST(pet_id AS VARCHAR), name, age FROM pets")))
            .ToDictionary(r => Text(r[0]), r => $"{r[1]}|{r[2]}", StringComparer.Ordinal);

        string RowsOf(string member, string entity, Dictionary<string, string> values) => string.Join(";", entities
            .Where(e => e.Member == member && e.Entity == entity)
            .Select(e => e.Key)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(k => k + "=" + values[k]));

        var memberValues = members.ToDictionary(
            m => m,
            m => $"{traitValues.GetValueOrDefault(m)}#{RowsOf(m, "credit_card", cards)}#{RowsOf(m, "pet", pets)}",
            StringComparer.Ordinal);
        return new State(members, entities, memberValues);
    }

    private async Task<List<object?[]>> RowsAsync(SqlQuery query)
    {
        var rows = new List<object?[]>();
        await foreach (var row in Warehouse.QueryAsync(query, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    // Decimals keep the scale they are stored with (balance DECIMAL(18,2)), so "12.50" and "12.5" never meet here.
    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private sealed record MatchedRow(string Member, string Branch, string Entity, string Key);

    private sealed record State(HashSet<string> Members, HashSet<MatchedRow> Entities, Dictionary<string, string> Values)
    {
        public static readonly State Empty = new([], [], []);
    }
}
