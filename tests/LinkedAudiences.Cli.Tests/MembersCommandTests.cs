using LinkedAudiences.Cli.Tests.Support;

namespace LinkedAudiences.Cli.Tests;

[Collection(SharedDemoWorld.Name)]
public sealed class MembersCommandTests(DemoWorld world)
{
    public static TheoryData<string> ExampleAudiences => [.. RepositoryFiles.ExampleAudienceKeys()];

    [Theory]
    [MemberData(nameof(ExampleAudiences))]
    public async Task Members_ExampleAudienceAtTheDemoAnchor_OneKeyPerLineEqualToTheReferenceEvaluator(string key)
    {
        var audience = RepositoryFiles.ExampleAudience(key);
        var expected = world.ExpectedMembers(DemoWorld.ReadAudience(audience));

        var result = await CommandLine.RunAsync("members", "--graph", RepositoryFiles.DemoGraph, "--audience", audience,
            "--warehouse", world.Warehouse, "--as-of", CommandLine.AsOf);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
        // Nothing but keys: no header, no blank line, no duplicates, so the output pipes straight into other tools.
        Assert.Equal(expected.Count == 0 ? "" : string.Join("\n", result.StdoutLines) + "\n", result.Stdout);
        Assert.All(result.StdoutLines, line => Assert.Matches(@"^[^\s]+$", line));
        Assert.Equal(result.StdoutLines.Count, result.StdoutLines.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.StdoutLines.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ExampleAudiences_OnTheTestWorld_MostHaveMembersAndNoneHasEveryone()
    {
        // Guards the test above against passing vacuously on empty (or full) audiences.
        var sizes = RepositoryFiles.ExampleAudienceKeys()
            .ToDictionary(k => k, k => world.ExpectedMembers(DemoWorld.ReadAudience(RepositoryFiles.ExampleAudience(k))).Count, StringComparer.Ordinal);

        Assert.True(sizes.Count(s => s.Value > 0) >= sizes.Count - 1, string.Join(", ", sizes));
        Assert.All(sizes, s => Assert.True(s.Value < DemoWorld.Profiles, s.Key));
    }

    [Fact]
    public async Task Members_InvalidDefinition_ExitsOneAndPrintsNoKeys()
    {
        using var folder = new TempFolder();
        var audience = folder.Write("bad.json", """
            { "schemaVersion": 1, "target": { "type": "profile" },
              "groups": [ { "conditions": [ { "kind": "trait", "trait": "lifetime_value", "operator": "contains", "value": 1 } ] } ] }
            """);

        var result = await CommandLine.RunAsync("members", "--graph", RepositoryFiles.DemoGraph, "--audience", audience,
            "--warehouse", world.Warehouse, "--as-of", CommandLine.AsOf);

        Assert.True(result.ExitCode == ExitCodes.Invalid, result.ToString());
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("bad.json: $.groups[0].conditions[0].operator: ", line, StringComparison.Ordinal);
        Assert.EndsWith("[operator-not-allowed]", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_MissingDuckDbFile_ExitsTwoNamingTheWarehouse()
    {
        using var folder = new TempFolder();
        var missing = folder.File("none.duckdb");

        var result = await CommandLine.RunAsync("members", "--graph", RepositoryFiles.DemoGraph,
            "--audience", RepositoryFiles.ExampleAudience("platinum-members"), "--warehouse", "duckdb:" + missing);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("--warehouse: ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task Members_WarehouseWithoutTheGraphsTables_ExitsThreeWithTheWarehouseMessage()
    {
        using var folder = new TempFolder();
        var empty = folder.File("empty.duckdb");
        Assert.Equal(0, await DuckDbFiles.ScalarAsync(empty, "SELECT 0"));

        var result = await CommandLine.RunAsync("members", "--graph", RepositoryFiles.DemoGraph,
            "--audience", RepositoryFiles.ExampleAudience("platinum-members"), "--warehouse", "duckdb:" + empty, "--as-of", CommandLine.AsOf);

        Assert.True(result.ExitCode == ExitCodes.Warehouse, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("The warehouse failed the query: ", result.StderrLines[0], StringComparison.Ordinal);
        Assert.Contains("profiles", result.Stderr, StringComparison.Ordinal);
    }
}
