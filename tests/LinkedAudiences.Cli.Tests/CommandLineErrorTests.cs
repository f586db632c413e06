using LinkedAudiences.Cli.Tests.Support;

namespace LinkedAudiences.Cli.Tests;

/// <summary>Bad command lines: exit 2 (usage), one message naming the option on stderr, nothing on stdout.</summary>
[Collection(SharedDemoWorld.Name)]
public sealed class CommandLineErrorTests(DemoWorld world)
{
    [Theory]
    [InlineData("members", "yesterday")]
    [InlineData("preview", "2026-13-01T00:00:00Z")]
    public async Task AsOf_NotAnIsoTime_ExitsTwoNamingAsOf(string verb, string asOf)
    {
        var result = await CommandLine.RunAsync(verb, "--graph", RepositoryFiles.DemoGraph,
            "--audience", RepositoryFiles.ExampleAudience("platinum-members"), "--warehouse", world.Warehouse, "--as-of", asOf);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("--as-of: ", line, StringComparison.Ordinal);
        Assert.Contains(asOf, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsOf_NotAnIsoTimeOnCompile_ExitsTwoNamingAsOf()
    {
        var result = await CommandLine.RunAsync("compile", "--graph", RepositoryFiles.DemoGraph,
            "--audience", RepositoryFiles.ExampleAudience("platinum-members"), "--as-of", "1st of November");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("--as-of: '1st of November'", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("members", "oracle:Data Source=x")]
    [InlineData("members", "no-colon-at-all")]
    [InlineData("preview", "mysql:server=127.0.0.1")]
    [InlineData("suggest", "bigquery:project")]
    [InlineData("validate", "sqlite:/tmp/x.db")]
    [InlineData("members", "snowflake:account=x")]
    public async Task Warehouse_UnknownKind_ExitsTwoNamingWarehouse(string verb, string location)
    {
        string[] args = verb switch
        {
            "suggest" => ["suggest", "--graph", RepositoryFiles.DemoGraph, "--warehouse", location, "--trait", "plan"],
            "validate" => ["validate", "--graph", RepositoryFiles.DemoGraph, "--warehouse", location],
            _ => [verb, "--graph", RepositoryFiles.DemoGraph, "--audience", RepositoryFiles.ExampleAudience("platinum-members"), "--warehouse", location],
        };

        var result = await CommandLine.RunAsync(args);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("--warehouse: ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("members", "--graph")]
    [InlineData("preview", "--sample", "501")]
    [InlineData("members", "--no-such-option", "1")]
    [InlineData("launch")]
    public async Task CommandLine_ParseError_ExitsTwoWithTheErrorOnStderrAndNothingOnStdout(params string[] args)
    {
        var result = await CommandLine.RunAsync(args);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.NotEqual("", result.Stderr);
        Assert.Equal("See --help for the options.", result.StderrLines[^1]);
    }

    [Fact]
    public async Task CommandLine_Help_ExitsZeroListingEveryVerb()
    {
        var result = await CommandLine.RunAsync("--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var verb in new[] { "demo-warehouse", "validate", "compile", "preview", "members", "suggest" })
        {
            Assert.Contains("  " + verb, result.Stdout, StringComparison.Ordinal);
        }
    }
}
