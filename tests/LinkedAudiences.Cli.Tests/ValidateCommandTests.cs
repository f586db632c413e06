using System.Text.RegularExpressions;
using LinkedAudiences.Cli.Tests.Support;

namespace LinkedAudiences.Cli.Tests;

[Collection(SharedDemoWorld.Name)]
public sealed partial class ValidateCommandTests(DemoWorld world)
{
    private const string InvalidAudience = """
        {
          "schemaVersion": 1,
          "target": { "type": "profile" },
          "groups": [
            {
              "operator": "and",
              "conditions": [
                { "kind": "trait", "trait": "plann", "operator": "equals", "value": "platinum" },
                {
                  "kind": "entity",
                  "entity": "household",
                  "conditions": [
                    { "kind": "entity", "entity": "pet", "where": { "filters": [ { "property": "type", "operator": "greaterThan", "value": "Cat" } ] } }
                  ]
                }
              ]
            }
          ]
        }
        """;

    [Fact]
    public async Task Validate_ExampleGraphAndAudienceAgainstTheDemoWarehouse_Valid()
    {
        var result = await CommandLine.RunAsync("validate", "--graph", RepositoryFiles.DemoGraph,
            "--audience", RepositoryFiles.ExampleAudience("uc2-cat-owners-platinum"), "--warehouse", world.Warehouse);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
        Assert.Equal(
            ["demo.graph.json: valid against 12 warehouse tables", "uc2-cat-owners-platinum.json: valid"],
            result.StdoutLines);
    }

    [Fact]
    public async Task Validate_GraphWithoutWarehouse_ValidStructureOnly()
    {
        var result = await CommandLine.RunAsync("validate", "--graph", RepositoryFiles.DemoGraph);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["demo.graph.json: valid (structure only; pass --warehouse to check tables and types)"], result.StdoutLines);
    }

    [Fact]
    public async Task Validate_InvalidDefinition_ExitsOneWithPathMessageRuleLinesOnStderrAndNothingOnStdout()
    {
        using var folder = new TempFolder();
        var audience = folder.Write("bad.json", InvalidAudience);

        var result = await CommandLine.RunAsync("validate", "--graph", RepositoryFiles.DemoGraph, "--audience", audience, "--warehouse", world.Warehouse);

        Assert.True(result.ExitCode == ExitCodes.Invalid, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal(2, result.StderrLines.Count);
        Assert.All(result.StderrLines, line => Assert.Matches(ErrorLine(), line));
        Assert.StartsWith("bad.json: $.groups[0].conditions[0].trait: ", result.StderrLines[0], StringComparison.Ordinal);
        Assert.EndsWith(" [unknown-trait]", result.StderrLines[0], StringComparison.Ordinal);
        Assert.Contains("plann", result.StderrLines[0], StringComparison.Ordinal);
        Assert.StartsWith("bad.json: $.groups[0].conditions[1].conditions[0].where.filters[0].operator: ", result.StderrLines[1], StringComparison.Ordinal);
        Assert.EndsWith(" [operator-not-allowed]", result.StderrLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_DefinitionThatIsNotJson_ExitsOneWithTheInvalidJsonRule()
    {
        using var folder = new TempFolder();
        var audience = folder.Write("broken.json", "{ \"schemaVersion\": 1, \"groups\": [");

        var result = await CommandLine.RunAsync("validate", "--graph", RepositoryFiles.DemoGraph, "--audience", audience);

        Assert.True(result.ExitCode == ExitCodes.Invalid, result.ToString());
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.StderrLines);
        Assert.Matches(ErrorLine(), line);
        Assert.EndsWith(" [invalid-json]", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_GraphAgainstAWarehouseWithoutItsTables_ExitsOneNamingTheTables()
    {
        using var folder = new TempFolder();
        var empty = folder.File("empty.duckdb");
        Assert.Equal(0, await DuckDbFiles.ScalarAsync(empty, "SELECT 0"));

        var result = await CommandLine.RunAsync("validate", "--graph", RepositoryFiles.DemoGraph, "--warehouse", "duckdb:" + empty);

        Assert.True(result.ExitCode == ExitCodes.Invalid, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.All(result.StderrLines, line => Assert.Matches(ErrorLine(), line));
        Assert.Contains(result.StderrLines, l => l.StartsWith("demo.graph.json: $.profile.table: ", StringComparison.Ordinal) && l.EndsWith("[unknown-table]", StringComparison.Ordinal));
        Assert.Contains(result.StderrLines, l => l.Contains("credit_cards", StringComparison.Ordinal) && l.EndsWith("[unknown-table]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--graph")]
    [InlineData("--audience")]
    public async Task Validate_MissingFile_ExitsTwoNamingTheOptionAndTheFile(string option)
    {
        using var folder = new TempFolder();
        var missing = folder.File("nowhere.json");
        var graph = option == "--graph" ? missing : RepositoryFiles.DemoGraph;
        var audience = option == "--audience" ? missing : RepositoryFiles.ExampleAudience("uc1-outstanding-credit-card");

        var result = await CommandLine.RunAsync("validate", "--graph", graph, "--audience", audience);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal($"{option}: the file '{missing}' does not exist.", Assert.Single(result.StderrLines));
    }

    /// <summary>"file: $.json.path: a sentence [kebab-rule]".</summary>
    [GeneratedRegex(@"^[\w.-]+\.json: \$[^ ]*: .+ \[[a-z]+(-[a-z]+)*\]$")]
    private static partial Regex ErrorLine();
}
