using System.Text.Json.Nodes;
using LinkedAudiences.Cli.Tests.Support;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Storage;

namespace LinkedAudiences.Cli.Tests;

/// <summary>The run verb in-process: its summary lines and exit codes, and how its figures agree with the events it wrote.</summary>
public sealed class RunVerbTests(DemoWarehouseFile demo) : IClassFixture<DemoWarehouseFile>
{
    [Fact]
    public async Task Run_FirstRun_PrintsRunVersionSummaryAndTimings()
    {
        using var folder = demo.CopyToNewFolder();
        var files = new RunFiles(folder);

        var result = await CommandLine.RunAsync(files.RunArgs());

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal("", result.Stderr);
        Assert.Equal(3, result.StdoutLines.Count);
        Assert.Matches(@"^run [0-9a-f]{32}: Succeeded, cards-or-cats version 1 as of 2026-11-01T00:00:00\.0000000\+00:00$", result.StdoutLines[0]);
        var summary = RunFiles.Summary(result);
        Assert.True(summary.Members > 20, result.ToString());
        Assert.Equal(new ChangeSummary(summary.Members, summary.Members, 0, summary.EntitiesEntered, 0, 0), summary);
        Assert.True(summary.EntitiesEntered > summary.Members, result.ToString());
        Assert.Matches(@"^queueing \d+\.\d{3} s, extracting \d+\.\d{3} s, preparing \d+\.\d{3} s$", result.StdoutLines[2]);
        Assert.Equal(summary.Members, await DuckDbFiles.ScalarAsync(CrashWorld.WarehouseOf(folder.Path),
            "SELECT COUNT(*) FROM linked_audiences.audience_membership WHERE audience_key = 'cards-or-cats'"));
    }

    [Fact]
    public async Task Run_SecondRunAfterChurn_SummaryFiguresMatchTheEventsItWrote()
    {
        using var folder = demo.CopyToNewFolder();
        var files = new RunFiles(folder);
        Assert.Equal(0, (await CommandLine.RunAsync(files.RunArgs())).ExitCode);
        await CrashWorld.ChurnAsync(folder.Path);

        var second = await CommandLine.RunAsync(files.RunArgs());
        var events = await CommandLine.RunAsync("events", "--run", RunFiles.RunId(second), "--state", files.State);

        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.Contains("version 2 as of", second.StdoutLines[0], StringComparison.Ordinal);
        var s = RunFiles.Summary(second);
        Assert.All(new[] { s.Entered, s.Exited, s.EntitiesEntered, s.EntitiesExited, s.ValuesChanged }, n => Assert.True(n > 0, second.ToString()));
        Assert.True(events.ExitCode == ExitCodes.Ok, events.ToString());
        var payloads = events.StdoutLines.Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        int Count(Func<JsonObject, bool> kind) => payloads.Count(kind);
        static string? Text(JsonNode? node) => node?.GetValue<string>();
        Assert.Equal(s.Entered, Count(p => Text(p["event"]) == "Audience Entered"));
        Assert.Equal(s.Exited, Count(p => Text(p["event"]) == "Audience Exited"));
        Assert.Equal(s.EntitiesEntered, Count(p => Text(p["event"]) == "Entity Entered"));
        Assert.Equal(s.EntitiesExited, Count(p => Text(p["event"]) == "Entity Exited"));
        Assert.Equal(s.ValuesChanged, Count(p => Text(p["context"]?["linked_audiences"]?["trigger"]) == "values_changed"));
        Assert.Equal(s.Entered, Count(p => Text(p["context"]?["linked_audiences"]?["trigger"]) == "membership_changed" && p["traits"]!["cards-or-cats"]!.GetValue<bool>()));
        Assert.Equal(s.Exited, Count(p => Text(p["context"]?["linked_audiences"]?["trigger"]) == "membership_changed" && !p["traits"]!["cards-or-cats"]!.GetValue<bool>()));
        Assert.Equal(payloads.Count, payloads.Select(p => Text(p["messageId"])).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(s.Members, await DuckDbFiles.ScalarAsync(CrashWorld.WarehouseOf(folder.Path),
            "SELECT COUNT(*) FROM linked_audiences.audience_membership WHERE audience_key = 'cards-or-cats'"));
    }

    [Fact]
    public async Task Run_NothingChangedSinceTheLastRun_ReportsNoChangesAndWritesNoEvents()
    {
        using var folder = demo.CopyToNewFolder();
        var files = new RunFiles(folder);
        var first = RunFiles.Summary(await CommandLine.RunAsync(files.RunArgs()));

        var second = await CommandLine.RunAsync(files.RunArgs());
        var events = await CommandLine.RunAsync("events", "--run", RunFiles.RunId(second), "--state", files.State);

        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.Contains("version 2 as of", second.StdoutLines[0], StringComparison.Ordinal);
        Assert.Equal(new ChangeSummary(first.Members, 0, 0, 0, 0, 0), RunFiles.Summary(second));
        Assert.Equal((ExitCodes.Ok, "", ""), (events.ExitCode, events.Stdout, events.Stderr));
    }

    [Fact]
    public async Task Run_AnotherRunHoldsTheLease_ExitsWithWarehouseCodeSayingSoAndRecordsNothing()
    {
        using var folder = demo.CopyToNewFolder();
        var files = new RunFiles(folder);
        await using (var store = await StateStore.OpenAsync(files.State, TimeProvider.System, CancellationToken.None))
        {
            Assert.True(await store.Leases.TryAcquireAsync(AudienceRunner.LeaseName(CrashWorld.Key), "another host", TimeSpan.FromDays(3650), CancellationToken.None));
        }

        var result = await CommandLine.RunAsync(files.RunArgs());
        var runs = await CommandLine.RunAsync("runs", "--key", CrashWorld.Key, "--state", files.State);

        Assert.True(result.ExitCode == ExitCodes.Warehouse, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal("run: another run of 'cards-or-cats' is in progress (a run whose process died holds the audience until its lease expires, within 5 minutes).", Assert.Single(result.StderrLines));
        Assert.Single(runs.StdoutLines);
    }

    [Fact]
    public async Task Run_EnrichmentTheAudienceDoesNotMatch_FailsTheRunWithTheReasonAndRunsShowsIt()
    {
        using var folder = demo.CopyToNewFolder();
        var files = new RunFiles(folder);

        var result = await CommandLine.RunAsync(files.RunArgs(enrich: ["--enrich-entity", "order:total"]));
        var runs = await CommandLine.RunAsync("runs", "--key", CrashWorld.Key, "--state", files.State);

        Assert.True(result.ExitCode == ExitCodes.Warehouse, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Matches(@"^run [0-9a-f]{32}: failed: The enrichment does not fit the audience: entity 'order' is not matched by the audience\.$", Assert.Single(result.StderrLines));
        var row = Assert.Single(runs.StdoutLines.Skip(1)).Split('\t');
        Assert.Equal(("Failed", "1", "The enrichment does not fit the audience: entity 'order' is not matched by the audience."), (row[3], row[4], row[14]));
    }

    [Theory]
    [InlineData("pet")]
    [InlineData("pet:")]
    [InlineData(":name")]
    public async Task Run_EnrichEntityWithoutColumns_ExitsWithUsageNamingTheOption(string value)
    {
        using var folder = demo.CopyToNewFolder();
        var files = new RunFiles(folder);

        var result = await CommandLine.RunAsync(files.RunArgs(enrich: ["--enrich-entity", value]));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal($"--enrich-entity: '{value}' is not ENTITY:COLUMN[,COLUMN...].", Assert.Single(result.StderrLines));
        Assert.False(File.Exists(CrashWorld.StateOf(folder.Path)));
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("mysql:server=x")]
    [InlineData("sqlite:")]
    public async Task Run_BadState_ExitsWithUsageNamingTheOptionBeforeTouchingTheWarehouse(string state)
    {
        using var folder = demo.CopyToNewFolder();
        var files = new RunFiles(folder);
        var args = files.RunArgs().ToList();
        args[args.IndexOf("--state") + 1] = state;

        var result = await CommandLine.RunAsync([.. args]);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal($"--state: '{state}' is not sqlite:PATH or postgres:CONNECTION-STRING.", Assert.Single(result.StderrLines));
        Assert.Equal(0, await DuckDbFiles.ScalarAsync(CrashWorld.WarehouseOf(folder.Path), "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'linked_audiences'"));
    }

    [Fact]
    public async Task Run_WarehouseFileMissing_ExitsWithUsageSayingHowToCreateOne()
    {
        using var folder = new TempFolder();
        var files = new RunFiles(folder);

        var result = await CommandLine.RunAsync(files.RunArgs());

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal($"--warehouse: the DuckDB file '{CrashWorld.WarehouseOf(folder.Path)}' does not exist (create one with demo-warehouse).", Assert.Single(result.StderrLines));
    }
}
