using System.Globalization;
using LinkedAudiences.Cli.Tests.Support;

namespace LinkedAudiences.Cli.Tests;

public sealed class SuggestCommandTests(SuggestionWorld world) : IClassFixture<SuggestionWorld>
{
    [Fact]
    public async Task Suggest_EntityColumnWithMoreThan500Values_FirstFiveHundredDistinctInOrdinalOrder()
    {
        var result = await CommandLine.RunAsync("suggest", "--graph", world.Graph, "--warehouse", world.Warehouse, "--entity", "tag", "--column", "label");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
        // Upper-case "L…" sort before lower-case "l…" ordinally, so the 500 are L0000..L0499: no duplicates, no nulls.
        Assert.Equal(Enumerable.Range(0, 500).Select(SuggestionWorld.Label), result.StdoutLines);
    }

    [Fact]
    public async Task Suggest_EntityColumnWithLimit_ThatManyValues()
    {
        var result = await CommandLine.RunAsync("suggest", "--graph", world.Graph, "--warehouse", world.Warehouse, "--entity", "tag", "--column", "label", "--limit", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["L0000", "L0001", "L0002"], result.StdoutLines);
    }

    [Fact]
    public async Task Suggest_TraitWithMoreThan65Values_TopSixtyFiveWithTheirCounts()
    {
        var result = await CommandLine.RunAsync("suggest", "--graph", world.Graph, "--warehouse", world.Warehouse, "--trait", "color");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            Enumerable.Range(0, 65).Select(k => SuggestionWorld.Colors - 1 - k)
                .Select(c => SuggestionWorld.Color(c) + "\t" + (c + 1).ToString(CultureInfo.InvariantCulture)),
            result.StdoutLines);
    }

    [Fact]
    public async Task Suggest_EventPropertyWithMoreThan65Values_TopSixtyFiveOfThatEventOnly()
    {
        var result = await CommandLine.RunAsync("suggest", "--graph", world.Graph, "--warehouse", world.Warehouse, "--event", "Viewed", "--property", "sku");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            Enumerable.Range(0, 65).Select(k => SuggestionWorld.Skus - 1 - k)
                .Select(s => SuggestionWorld.Sku(s) + "\t" + (s + 1).ToString(CultureInfo.InvariantCulture)),
            result.StdoutLines);
    }

    [Theory]
    [InlineData("--entity", "tag")]
    [InlineData("--event", "Viewed")]
    [InlineData("--trait", "color", "--entity", "tag", "--column", "label")]
    public async Task Suggest_NotExactlyOneSubject_ExitsTwo(params string[] subject)
    {
        var result = await CommandLine.RunAsync(["suggest", "--graph", world.Graph, "--warehouse", world.Warehouse, .. subject]);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("suggest: give exactly one of", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggest_ColumnThatIsNotAString_ExitsTwoSayingWhy()
    {
        var result = await CommandLine.RunAsync("suggest", "--graph", world.Graph, "--warehouse", world.Warehouse, "--entity", "tag", "--column", "tag_id");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal("suggest: Value suggestions are offered for STRING columns; 'tag.tag_id' is NUMBER.", Assert.Single(result.StderrLines));
    }
}

[Collection(SharedDemoWorld.Name)]
public sealed class SuggestDemoTests(DemoWorld world)
{
    [Fact]
    public async Task Suggest_PetTypes_CaseSensitiveCatAndLowerCaseCatBothListed()
    {
        var result = await CommandLine.RunAsync("suggest", "--graph", RepositoryFiles.DemoGraph, "--warehouse", world.Warehouse, "--entity", "pet", "--column", "type");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["Bird", "Cat", "Dog", "Fish", "cat"], result.StdoutLines);
    }

    [Fact]
    public async Task Suggest_NestedTrait_ValuesOfTheJsonPathMostFrequentFirst()
    {
        var result = await CommandLine.RunAsync("suggest", "--graph", RepositoryFiles.DemoGraph, "--warehouse", world.Warehouse, "--trait", "loyalty_tier");

        Assert.True(result.ExitCode == 0, result.ToString());
        var counts = result.StdoutLines.Select(l => l.Split('\t')).Select(p => (Value: p[0], Count: int.Parse(p[1], CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(counts);
        Assert.Equal(counts.OrderByDescending(c => c.Count), counts);
        Assert.True(counts.Sum(c => c.Count) < DemoWorld.Profiles);
    }
}
