using System.Globalization;
using System.Text.RegularExpressions;
using LinkedAudiences.Core.Runs;

namespace LinkedAudiences.Cli.Tests.Support;

/// <summary>A test folder laid out as <see cref="CrashWorld"/> lays out its trials: w.duckdb, s.db and the audience.</summary>
public sealed partial class RunFiles(TempFolder folder)
{
    public string Audience { get; } = folder.Write(CrashWorld.Key + ".json", CrashWorld.AudienceJson);

    public string Warehouse => "duckdb:" + CrashWorld.WarehouseOf(folder.Path);

    public string State => "sqlite:" + CrashWorld.StateOf(folder.Path);

    /// <summary>The run verb with entity and trait enrichment (or <paramref name="enrich"/> instead).</summary>
    public string[] RunArgs(string[]? enrich = null) =>
    [
        "run", "--graph", RepositoryFiles.DemoGraph, "--audience", Audience, "--warehouse", Warehouse, "--state", State, "--as-of", CommandLine.AsOf,
        .. enrich ?? ["--enrich-trait", "loyalty_tier,city", "--enrich-entity", "credit_card:balance", "--enrich-entity", "pet:name,age"],
    ];

    public static string RunId(CliResult run) => RunLine().Match(run.StdoutLines[0]) is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException("No run id in: " + run);

    /// <summary>The change summary the run printed on its second line.</summary>
    public static ChangeSummary Summary(CliResult run)
    {
        var m = SummaryLine().Match(run.StdoutLines.Count > 1 ? run.StdoutLines[1] : "");
        Assert.True(m.Success, "No summary line in: " + run);
        long At(int i) => long.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
        return new ChangeSummary(At(1), At(2), At(3), At(4), At(5), At(6));
    }

    [GeneratedRegex("^run ([0-9a-f]{32}): ")]
    private static partial Regex RunLine();

    [GeneratedRegex(@"^members (\d+), entered (\d+), exited (\d+), entities entered (\d+), entities exited (\d+), values changed (\d+)$")]
    private static partial Regex SummaryLine();
}
