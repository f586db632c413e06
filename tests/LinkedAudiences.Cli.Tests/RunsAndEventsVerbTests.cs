using System.Globalization;
using System.Text.Json.Nodes;
using LinkedAudiences.Cli.Tests.Support;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Storage;

namespace LinkedAudiences.Cli.Tests;

/// <summary>The runs and events verbs: the history's order, columns and cap, the outbox as JSON lines, and bad input.</summary>
public sealed class RunsAndEventsVerbTests(DemoWarehouseFile demo) : IClassFixture<DemoWarehouseFile>
{
    private const string Header = "run_id\tstarted_at\tduration_s\tstatus\tversion\tmembers\tentered\texited\tentities_entered\tentities_exited\tvalues_changed\tqueueing_s\textracting_s\tpreparing_s\terror";

    [Fact]
    public async Task Runs_ThreeRuns_NewestFirstWithEachRunsSummary()
    {
        using var folder = demo.CopyToNewFolder();
        var files = new RunFiles(folder);
        var runs = new List<CliResult>();
        for (var i = 0; i < 3; i++)
        {
            if (i == 1)
            {
                await CrashWorld.ChurnAsync(folder.Path);
            }

            runs.Add(await CommandLine.RunAtAsync(CommandLine.Now.AddHours(i), files.RunArgs()));
            Assert.True(runs[^1].ExitCode == 0, runs[^1].ToString());
        }

        var result = await CommandLine.RunAsync("runs", "--key", CrashWorld.Key, "--state", files.State);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal("", result.Stderr);
        Assert.Equal(Header, result.StdoutLines[0]);
        var rows = result.StdoutLines.Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(15, r.Length));
        for (var i = 0; i < 3; i++)
        {
            var row = rows[2 - i];
            var s = RunFiles.Summary(runs[i]);
            Assert.Equal(RunFiles.RunId(runs[i]), row[0]);
            Assert.Equal(CommandLine.Now.AddHours(i).ToString("O", CultureInfo.InvariantCulture), row[1]);
            Assert.Equal(
                ["Succeeded", (i + 1).ToString(CultureInfo.InvariantCulture), .. new[] { s.Members, s.Entered, s.Exited, s.EntitiesEntered, s.EntitiesExited, s.ValuesChanged }.Select(n => n.ToString(CultureInfo.InvariantCulture))],
                row[3..11]);
            Assert.All(new[] { row[2], row[11], row[12], row[13] }, seconds => Assert.Matches(@"^\d+\.\d{3}$", seconds));
            Assert.Equal("", row[14]);
        }
    }

    [Fact]
    public async Task Runs_SixtyRunsCommitted_ListsTheLast50NewestFirstAndLimitCutsThem()
    {
        using var folder = new TempFolder();
        var state = "sqlite:" + folder.File("s.db");
        await SeedRunsAsync(state, 60);

        var all = await CommandLine.RunAsync("runs", "--key", CrashWorld.Key, "--state", state);
        var beyondTheCap = await CommandLine.RunAsync("runs", "--key", CrashWorld.Key, "--state", state, "--limit", "100");
        var three = await CommandLine.RunAsync("runs", "--key", CrashWorld.Key, "--state", state, "--limit", "3");

        static IEnumerable<string> Versions(CliResult r) => r.StdoutLines.Skip(1).Select(l => l.Split('\t')[4]);
        var newest50 = Enumerable.Range(11, 50).Reverse().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.True(all.ExitCode == ExitCodes.Ok, all.ToString());
        Assert.Equal(newest50, Versions(all));
        Assert.Equal(newest50, Versions(beyondTheCap));
        Assert.Equal(["60", "59", "58"], Versions(three));
        Assert.Equal("run-60", three.StdoutLines[1].Split('\t')[0]);
    }

    [Fact]
    public async Task Runs_AudienceNeverRun_PrintsOnlyTheHeader()
    {
        using var folder = new TempFolder();
        var state = "sqlite:" + folder.File("s.db");
        await SeedRunsAsync(state, 1);

        var result = await CommandLine.RunAsync("runs", "--key", "no-such-audience", "--state", state);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal([Header], result.StdoutLines);
    }

    [Fact]
    public async Task Events_FirstRun_OneCompactJsonObjectPerLineWithTheDocumentedFields()
    {
        using var folder = demo.CopyToNewFolder();
        var files = new RunFiles(folder);
        var run = await CommandLine.RunAsync(files.RunArgs());
        var summary = RunFiles.Summary(run);

        var result = await CommandLine.RunAsync("events", "--run", RunFiles.RunId(run), "--state", files.State);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal("", result.Stderr);
        Assert.Equal(2 * summary.Entered + summary.EntitiesEntered, result.StdoutLines.Count);
        foreach (var line in result.StdoutLines)
        {
            var e = JsonNode.Parse(line)!.AsObject();
            Assert.Equal(e.ToJsonString(), line);
            Assert.Matches("^la-[0-9a-f]{32}$", e["messageId"]!.GetValue<string>());
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", e["timestamp"]!.GetValue<string>());
            Assert.StartsWith("u", e["userId"]!.GetValue<string>(), StringComparison.Ordinal);
            switch (e["type"]!.GetValue<string>())
            {
                case "track" when e["event"]!.GetValue<string>() == EventPayloads.AudienceEntered:
                    Assert.Equal(["type", "userId", "messageId", "timestamp", "event", "properties"], e.Select(p => p.Key));
                    Assert.Equal("""{"audience_key":"cards-or-cats","membership_version":1}""", e["properties"]!.ToJsonString());
                    break;
                case "track" when e["event"]!.GetValue<string>() == EventPayloads.EntityEntered:
                    var p = e["properties"]!.AsObject();
                    Assert.Equal(["audience_key", "membership_version", "entity", "entity_key", "branch", "parent_key"], p.Select(x => x.Key));
                    Assert.Contains(p["entity"]!.GetValue<string>(), new[] { "account", "credit_card", "household", "pet" });
                    Assert.Matches(@"^[01]\.0(\.0)?$", p["branch"]!.GetValue<string>());
                    break;
                case "identify":
                    Assert.Equal(["type", "userId", "messageId", "timestamp", "traits", "context"], e.Select(x => x.Key));
                    Assert.True(e["traits"]!["cards-or-cats"]!.GetValue<bool>());
                    Assert.Equal("""{"linked_audiences":{"audience_key":"cards-or-cats","membership_version":1,"trigger":"membership_changed"}}""", e["context"]!.ToJsonString());
                    break;
                default:
                    Assert.Fail("A first run writes entries only: " + line);
                    break;
            }
        }
    }

    [Fact]
    public async Task Events_UnknownRun_ExitsWithUsageNamingTheRun()
    {
        using var folder = new TempFolder();
        var state = "sqlite:" + folder.File("s.db");
        await SeedRunsAsync(state, 1);

        var result = await CommandLine.RunAsync("events", "--run", "no-such-run", "--state", state);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal("--run: no run 'no-such-run' in the state store.", Assert.Single(result.StderrLines));
    }

    [Theory]
    [InlineData("events", "--run", "r1")]
    [InlineData("runs", "--key", "k")]
    public async Task ReadingVerbs_StateFileMissing_ExitWithUsageAndCreateNothing(params string[] verb)
    {
        using var folder = new TempFolder();
        var path = folder.File("typo.db");

        var result = await CommandLine.RunAsync([.. verb, "--state", "sqlite:" + path]);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal($"--state: there is no state store at '{path}' (run creates it).", Assert.Single(result.StderrLines));
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("events", "--run", "r1")]
    [InlineData("runs", "--key", "k")]
    public async Task ReadingVerbs_StateIsNotAStore_ExitWithUsageNamingTheOption(params string[] verb)
    {
        using var folder = new TempFolder();
        var path = folder.Write("notes.db", "these are not the runs you are looking for\n");

        var result = await CommandLine.RunAsync([.. verb, "--state", "sqlite:" + path]);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"--state: the state store sqlite:{path} could not be opened: ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("events", "--run", "r1", "--state", "s.db")]
    [InlineData("runs", "--key", "k", "--state", "file:s.db")]
    public async Task ReadingVerbs_StateWithoutKind_ExitWithUsageNamingTheForms(params string[] args)
    {
        var result = await CommandLine.RunAsync(args);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal($"--state: '{args[^1]}' is not sqlite:PATH or postgres:CONNECTION-STRING.", Assert.Single(result.StderrLines));
    }

    [Theory]
    [InlineData("events")]
    [InlineData("runs")]
    public async Task ReadingVerbs_RequiredOptionMissing_ExitWithUsage(string verb)
    {
        var result = await CommandLine.RunAsync(verb, "--state", "sqlite:whatever.db");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Contains(verb == "events" ? "--run" : "--key", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Committed runs 1..n of the audience, an hour apart, each with one entered event, through the store itself.</summary>
    private static async Task SeedRunsAsync(string state, int count)
    {
        await using var store = await StateStore.OpenAsync(state, TimeProvider.System, CancellationToken.None);
        for (var v = 1; v <= count; v++)
        {
            var at = CommandLine.Now.AddHours(v);
            var run = new RunRecord
            {
                RunId = "run-" + v.ToString(CultureInfo.InvariantCulture),
                AudienceKey = CrashWorld.Key,
                DefinitionVersion = 1,
                MembershipVersion = v,
                Trigger = RunTrigger.Schedule,
                QueuedAt = at,
                StartedAt = at,
                AsOf = at,
                Status = RunStatus.Running,
            };
            await store.Runs.CreateRunAsync(run, CancellationToken.None);
            var context = new AudienceEventContext(CrashWorld.Key, v, run.RunId, at);
            var entered = AudienceEvents.Entered(context, "u" + v.ToString("D7", CultureInfo.InvariantCulture), "u" + v.ToString("D7", CultureInfo.InvariantCulture));
            await store.Runs.CommitRunAsync(
                run with { Status = RunStatus.Succeeded, FinishedAt = at.AddSeconds(1), Summary = new ChangeSummary(v, 1, 0, 0, 0, 0) },
                new[] { entered }.ToAsyncEnumerable(),
                CancellationToken.None);
        }
    }
}
