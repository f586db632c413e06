using System.Globalization;
using System.Text;
using System.Text.Json;
using LinkedAudiences.Cli.Tests.Support;
using LinkedAudiences.Testing.Oracle;

namespace LinkedAudiences.Cli.Tests;

[Collection(SharedDemoWorld.Name)]
public sealed class PreviewCommandTests(DemoWorld world)
{
    /// <summary>Card holders with a card of at least eleven transactions: every member has more than ten at one level.</summary>
    private const string BusyCards = """
        {
          "schemaVersion": 1,
          "target": { "type": "profile" },
          "groups": [
            {
              "conditions": [
                {
                  "kind": "entity",
                  "entity": "account",
                  "conditions": [
                    {
                      "kind": "entity",
                      "entity": "credit_card",
                      "conditions": [ { "kind": "entity", "entity": "transaction", "count": { "operator": "atLeast", "value": 11 } } ]
                    }
                  ]
                }
              ]
            }
          ]
        }
        """;

    [Fact]
    public async Task Preview_MemberWithMoreThanTenMatchedEntitiesAtALevel_ShowsTenAndHowManyMore()
    {
        using var folder = new TempFolder();
        var audience = folder.Write("busy-cards.json", BusyCards);
        var definition = DemoWorld.ReadAudience(audience);
        var members = world.ExpectedMembers(definition).Order(StringComparer.Ordinal).ToList();
        var matches = world.ExpectedMatches(definition);

        var result = await CommandLine.RunAsync("preview", "--graph", RepositoryFiles.DemoGraph, "--audience", audience,
            "--warehouse", world.Warehouse, "--as-of", CommandLine.AsOf, "--sample", "5");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
        var expected = ExpectedText("busy-cards.json", $"Profiles: {members.Count}", members.Take(5).ToList(), matches);
        Assert.Contains("… ", expected, StringComparison.Ordinal);
        Assert.Equal(expected, result.Stdout);
    }

    [Fact]
    public async Task Preview_FirstMemberOfTheTruncatedLevel_ListsTheFirstTenTransactionsInKeyOrder()
    {
        // The same truncation read without the expected-text renderer: one card, its first ten transactions, "… N more".
        using var folder = new TempFolder();
        var audience = folder.Write("busy-cards.json", BusyCards);
        var definition = DemoWorld.ReadAudience(audience);
        var first = world.ExpectedMembers(definition).Order(StringComparer.Ordinal).First();
        var card = world.ExpectedMatches(definition)
            .Where(m => m.MemberKey == first && m.Entity == "transaction")
            .GroupBy(m => m.ParentKey)
            .OrderBy(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal)
            .First(g => g.Count() > 10);
        var transactions = card.Select(m => m.EntityKey).OrderBy(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).ToList();

        var result = await CommandLine.RunAsync("preview", "--graph", RepositoryFiles.DemoGraph, "--audience", audience,
            "--warehouse", world.Warehouse, "--as-of", CommandLine.AsOf, "--sample", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StdoutLines.ToList();
        var at = lines.IndexOf("      credit_card " + card.Key);
        Assert.True(at > 0, result.ToString());
        Assert.Equal(
            [.. transactions.Take(10).Select(t => "        transaction " + t), $"        … {transactions.Count - 10} more"],
            lines.Skip(at + 1).Take(11));
    }

    [Fact]
    public async Task Preview_EntityTarget_CountsTheEntitiesAndSamplesTheirKeys()
    {
        var audience = RepositoryFiles.ExampleAudience("entity-outstanding-credit-cards");
        var cards = world.ExpectedMembers(DemoWorld.ReadAudience(audience)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(cards);

        var result = await CommandLine.RunAsync("preview", "--graph", RepositoryFiles.DemoGraph, "--audience", audience,
            "--warehouse", world.Warehouse, "--as-of", CommandLine.AsOf);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "entity-outstanding-credit-cards.json as of 2026-11-01T00:00:00.0000000+00:00",
                $"Entities (credit_card): {cards.Count}",
                $"  matched credit_card: {cards.Count}",
                $"Sample ({Math.Min(20, cards.Count)}):",
                .. cards.Take(20).Select(c => "  " + c),
            ],
            result.StdoutLines);
    }

    [Fact]
    public async Task Preview_Json_ParsesWithTheCountSampleTreeAndEntityCounts()
    {
        var audience = RepositoryFiles.ExampleAudience("uc3-card-holders-with-transactions");
        var definition = DemoWorld.ReadAudience(audience);
        var members = world.ExpectedMembers(definition).Order(StringComparer.Ordinal).ToList();
        var matches = world.ExpectedMatches(definition);

        var result = await CommandLine.RunAsync("preview", "--graph", RepositoryFiles.DemoGraph, "--audience", audience,
            "--warehouse", world.Warehouse, "--as-of", CommandLine.AsOf, "--sample", "3", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.False(root.GetProperty("isEntityTarget").GetBoolean());
        Assert.Equal(members.Count, root.GetProperty("count").GetInt64());
        Assert.Equal(DateTimeOffset.Parse(CommandLine.AsOf, CultureInfo.InvariantCulture), root.GetProperty("asOf").GetDateTimeOffset());
        Assert.Equal(
            EntityCounts(matches).Select(c => (c.Key, c.Value)),
            root.GetProperty("entityCounts").EnumerateObject().Select(p => (p.Name, p.Value.GetInt64())));

        var sample = root.GetProperty("sample").EnumerateArray().ToList();
        Assert.Equal(members.Take(3), sample.Select(s => s.GetProperty("key").GetString()));
        foreach (var member in sample)
        {
            var key = member.GetProperty("key").GetString()!;
            var mine = matches.Where(m => m.MemberKey == key).ToList();
            Assert.Equal(Render(Tree(mine, mine.Min(m => m.Depth), key, branchParent: null), "    "), RenderJson(member, "entities", "moreEntities", "    "));
        }
    }

    [Fact]
    public async Task Preview_SampleZero_CountsWithoutMembers()
    {
        var audience = RepositoryFiles.ExampleAudience("platinum-members");
        var count = world.ExpectedMembers(DemoWorld.ReadAudience(audience)).Count;

        var result = await CommandLine.RunAsync("preview", "--graph", RepositoryFiles.DemoGraph, "--audience", audience,
            "--warehouse", world.Warehouse, "--as-of", CommandLine.AsOf, "--sample", "0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["platinum-members.json as of 2026-11-01T00:00:00.0000000+00:00", $"Profiles: {count}", "Sample (0):"], result.StdoutLines);
    }

    // The expected preview, rendered from the reference evaluator's matched entities with the documented truncation:
    // per level the rows ordered by branch, then key (shorter first, then ordinal); ten shown, the rest counted.
    private static string ExpectedText(string file, string countLine, IReadOnlyList<string> sample, IReadOnlyList<MatchedEntity> matches)
    {
        var text = new StringBuilder();
        text.Append(file).Append(" as of 2026-11-01T00:00:00.0000000+00:00\n").Append(countLine).Append('\n');
        foreach (var (entity, count) in EntityCounts(matches))
        {
            text.Append(CultureInfo.InvariantCulture, $"  matched {entity}: {count}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Sample ({sample.Count}):\n");
        foreach (var member in sample)
        {
            text.Append("  ").Append(member).Append('\n');
            text.Append(Render(Tree([.. matches.Where(m => m.MemberKey == member)], 1, member, branchParent: null), "    "));
        }

        return text.ToString();
    }

    private static SortedDictionary<string, long> EntityCounts(IEnumerable<MatchedEntity> matches) =>
        new(matches.GroupBy(m => m.Entity).ToDictionary(g => g.Key, g => (long)g.Select(m => m.EntityKey).Distinct().Count()), StringComparer.Ordinal);

    private sealed record Node(MatchedEntity Row, Level Children);

    private sealed record Level(IReadOnlyList<Node> Shown, int More);

    private static Level Tree(IReadOnlyList<MatchedEntity> rows, int depth, string parentKey, string? branchParent)
    {
        var level = rows
            .Where(r => r.Depth == depth && r.ParentKey == parentKey && (branchParent is null || r.Branch[..r.Branch.LastIndexOf('.')] == branchParent))
            .DistinctBy(r => (r.Branch, r.EntityKey))
            .OrderBy(r => r.Branch, StringComparer.Ordinal).ThenBy(r => r.EntityKey.Length).ThenBy(r => r.EntityKey, StringComparer.Ordinal)
            .ToList();
        return new Level(
            [.. level.Take(10).Select(r => new Node(r, Tree(rows, depth + 1, r.EntityKey, r.Branch)))],
            Math.Max(0, level.Count - 10));
    }

    private static string Render(Level level, string indent)
    {
        var text = new StringBuilder();
        foreach (var node in level.Shown)
        {
            text.Append(indent).Append(node.Row.Entity).Append(' ').Append(node.Row.EntityKey).Append('\n');
            text.Append(Render(node.Children, indent + "  "));
        }

        if (level.More > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{indent}… {level.More} more\n");
        }

        return text.ToString();
    }

    private static string RenderJson(JsonElement parent, string children, string more, string indent)
    {
        var text = new StringBuilder();
        foreach (var node in parent.GetProperty(children).EnumerateArray())
        {
            text.Append(indent).Append(node.GetProperty("entity").GetString()).Append(' ').Append(node.GetProperty("key").GetString()).Append('\n');
            text.Append(RenderJson(node, "children", "moreChildren", indent + "  "));
        }

        var count = parent.GetProperty(more).GetInt32();
        if (count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{indent}… {count} more\n");
        }

        return text.ToString();
    }
}
