using LinkedAudiences.Cli.Tests.Support;
using LinkedAudiences.Core.Runs;

namespace LinkedAudiences.Cli.Tests;

/// <summary>The test-only LA_CRASH_AT variable of the run verb (child processes: it kills the process it is set in).</summary>
public sealed class CrashPointTests(DemoWarehouseFile demo) : IClassFixture<DemoWarehouseFile>
{
    [Fact]
    public async Task Run_CrashAtAStage_DiesSilentlyLeavingTheRunRunningUntilARestartAfterTheLeaseResumesIt()
    {
        using var folder = demo.CopyToNewFolder();
        var files = new RunFiles(folder);

        var crashed = await CliProcess.RunAsync(files.RunArgs(), new Dictionary<string, string?> { ["LA_CRASH_AT"] = RunCheckpoints.Spooled });
        var runs = await CommandLine.RunAsync("runs", "--key", CrashWorld.Key, "--state", files.State);
        var restart = await CommandLine.RunAsync(files.RunArgs());

        Assert.True(crashed.Killed, crashed.ToString());
        Assert.Equal("", crashed.Stdout);
        var row = Assert.Single(runs.StdoutLines.Skip(1)).Split('\t');
        Assert.Equal(("Running", "1", ""), (row[3], row[4], row[2]));
        Assert.True(await CrashWorld.LeaseHeldAsync(folder.Path));
        Assert.True(restart.ExitCode == ExitCodes.Warehouse, restart.ToString());
        Assert.Equal("run: another run of 'cards-or-cats' is in progress (a run whose process died holds the audience until its lease expires, within 5 minutes).", Assert.Single(restart.StderrLines));

        await CrashWorld.ExpireLeasesAsync(folder.Path);
        var resumed = await CommandLine.RunAsync(files.RunArgs());
        var after = await CommandLine.RunAsync("runs", "--key", CrashWorld.Key, "--state", files.State);

        Assert.True(resumed.ExitCode == ExitCodes.Ok, resumed.ToString());
        Assert.Equal(row[0], RunFiles.RunId(resumed));
        Assert.Contains("version 1 as of", resumed.StdoutLines[0], StringComparison.Ordinal);
        var finished = Assert.Single(after.StdoutLines.Skip(1)).Split('\t');
        Assert.Equal((row[0], "Succeeded", "1"), (finished[0], finished[3], finished[4]));
    }

    [Theory]
    [InlineData("nowhere")]
    [InlineData("change#0")]
    [InlineData("change#x")]
    [InlineData("Spooled")]
    public async Task Run_CrashAtUnknownStage_ExitsWithUsageListingTheStages(string value)
    {
        using var folder = demo.CopyToNewFolder();
        var files = new RunFiles(folder);

        var result = await CliProcess.RunAsync(files.RunArgs(), new Dictionary<string, string?> { ["LA_CRASH_AT"] = value });

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal($"LA_CRASH_AT: '{value}' is not STAGE or STAGE#N with N >= 1; stages: {string.Join(", ", RunCheckpoints.All)}.", result.Stderr.TrimEnd('\n'));
        Assert.False(File.Exists(CrashWorld.StateOf(folder.Path)));
    }
}
