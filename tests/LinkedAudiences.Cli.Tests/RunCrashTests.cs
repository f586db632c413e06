using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using LinkedAudiences.Cli.Tests.Support;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Testing;
using Xunit.Abstractions;

namespace LinkedAudiences.Cli.Tests;

/// <summary>
/// Issue 4's crash test: the CLI's run verb as a child process, killed (SIGKILL, like a power cut) at every named stage
/// of a run (LA_CRASH_AT) and at random moments chosen by the test, then run again until a run succeeds. Every trial's
/// outbox must equal a clean replica's — no event lost, none twice, the same payloads — and its warehouse must hold
/// exactly one snapshot version, the committed one, with the replica's members, matched entities and values.
/// LA_CRASH_SEED=N replays the random choices of a failed run (the seed is in the summary line).
/// </summary>
public sealed class RunCrashTests(ITestOutputHelper output)
{
    private const int Workers = 2;

    [Fact]
    public async Task Run_KilledAtEveryStageAndAtRandomMomentsThenRerun_EveryChangeExactlyOnceAndTheSnapshotConsistent()
    {
        var clock = Stopwatch.StartNew();
        using var folder = new TempFolder();
        var world = await CrashWorld.CreateAsync(folder.Path);
        var kinds = world.AfterSecondRun.Outbox.Select(e => e.Kind).ToHashSet(StringComparer.Ordinal);
        Assert.True(kinds.Count == Enum.GetValues<Core.Events.AudienceEventKind>().Length, "The replica should hold every kind of event: " + string.Join(", ", kinds));

        var seed = int.TryParse(Environment.GetEnvironmentVariable("LA_CRASH_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var fixedSeed) ? fixedSeed : Random.Shared.Next();
        var trials = Plan(world, new Random(seed));
        var results = new ConcurrentBag<TrialResult>();
        await Parallel.ForEachAsync(
            trials.Select((trial, i) => (trial, i)),
            new ParallelOptions { MaxDegreeOfParallelism = Workers },
            async (item, _) => results.Add(await RunTrialAsync(world, item.trial, Path.Combine(folder.Path, "trial-" + item.i.ToString("D2", CultureInfo.InvariantCulture)))));

        var all = results.OrderBy(r => r.Trial.Name, StringComparer.Ordinal).ToList();
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"[crash] {all.Count} trials ({all.Count(r => r.Trial.CrashAt is not null)} at named stages, {all.Count(r => r.Trial.CrashAt is null)} at random moments; seed {seed}), " +
            $"{all.Sum(r => r.Kills)} kills landed ({all.Sum(r => r.KillsInsideRun)} inside a run), {all.Sum(r => r.Processes)} child processes, " +
            $"{all.Sum(r => r.EventsCompared)} events compared: {all.Sum(r => r.Lost)} lost, {all.Sum(r => r.Duplicates)} duplicates, {all.Sum(r => r.PayloadMismatches)} payloads differing, " +
            $"{all.Count(r => !r.SnapshotConsistent)} snapshots inconsistent; {all.Sum(r => r.LeftSpools)} event spools left by kills; {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine(summary);
        foreach (var result in all)
        {
            output.WriteLine(result.ToString());
        }

        TestSummaries.Write(summary);
        var problems = all.SelectMany(r => r.Problems.Select(p => $"{r.Trial.Name}: {p}")).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + summary);
        Assert.True(all.Count >= 30, summary);
        Assert.All(all.Where(r => r.Trial.CrashAt is not null), r => Assert.True(r.KillsInsideRun >= 1, $"{r.Trial.Name}: the stage was not reached."));
        Assert.Equal(0, all.Sum(r => r.Lost + r.Duplicates + r.PayloadMismatches));
    }

    /// <summary>
    /// Every stage of the second run (the change stream at its first, middle and last row), some of the first run's,
    /// and random moments in [0, a clean run's duration] — half of them killing the first re-run too.
    /// </summary>
    private static List<Trial> Plan(CrashWorld world, Random random)
    {
        TimeSpan Delay(TimeSpan run) => TimeSpan.FromMilliseconds(random.NextDouble() * run.TotalMilliseconds);

        var trials = new List<Trial>();
        foreach (var stage in RunCheckpoints.All.Where(s => s != RunCheckpoints.Change))
        {
            // The first trial also shows that the killed run's lease keeps a restart out until it expires.
            trials.Add(new Trial("second " + stage, FirstRun: false, stage, null, null, CheckLeaseRefusal: trials.Count == 0));
        }

        foreach (var row in new[] { 1, world.SecondRunChanges / 2, world.SecondRunChanges })
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{RunCheckpoints.Change}#{row}");
            trials.Add(new Trial("second " + at, FirstRun: false, at, null, null, CheckLeaseRefusal: false));
        }

        for (var i = 0; i < 14; i++)
        {
            var delay = Delay(world.SecondRunDuration);
            trials.Add(new Trial(string.Create(CultureInfo.InvariantCulture, $"second random {i:D2} at {delay.TotalMilliseconds:0} ms"), FirstRun: false, null, delay,
                i % 2 == 0 ? Delay(world.SecondRunDuration) : null, CheckLeaseRefusal: false));
        }

        foreach (var at in new[] { RunCheckpoints.SchemaReady, string.Create(CultureInfo.InvariantCulture, $"{RunCheckpoints.Change}#{world.FirstRunChanges / 2}"), RunCheckpoints.Spooled })
        {
            trials.Add(new Trial("first " + at, FirstRun: true, at, null, null, CheckLeaseRefusal: false));
        }

        for (var i = 0; i < 4; i++)
        {
            var delay = Delay(world.FirstRunDuration);
            trials.Add(new Trial(string.Create(CultureInfo.InvariantCulture, $"first random {i:D2} at {delay.TotalMilliseconds:0} ms"), FirstRun: true, null, delay,
                i % 2 == 0 ? Delay(world.FirstRunDuration) : null, CheckLeaseRefusal: false));
        }

        return trials;
    }

    private static async Task<TrialResult> RunTrialAsync(CrashWorld world, Trial trial, string dir)
    {
        var result = new TrialResult(trial);
        CrashWorld.CopyFolder(trial.FirstRun ? world.Pristine : world.BeforeSecond, dir);
        var environment = CrashWorld.TempFor(dir);
        var args = world.RunArgs(dir);

        var crashing = new Dictionary<string, string?>(environment) { ["LA_CRASH_AT"] = trial.CrashAt };
        var crashed = await CliProcess.RunAsync(args, crashing, trial.KillAfter);
        result.Processes++;
        if (!await result.CountAsync(crashed, dir))
        {
            return result;
        }

        if (trial.CheckLeaseRefusal)
        {
            var refused = await CliProcess.RunAsync(args, environment);
            result.Processes++;
            if (refused.ExitCode != ExitCodes.Warehouse || !refused.Stderr.Contains($"run: another run of '{CrashWorld.Key}' is in progress (", StringComparison.Ordinal))
            {
                result.Problems.Add("a restart while the dead run's lease is live should be refused: " + refused);
            }
        }

        // Restarted until a run succeeds (a run that was not killed needs none); the first restart may be killed too.
        var succeeded = !crashed.Killed;
        for (var attempt = 0; !succeeded && attempt < 5; attempt++)
        {
            if (await CrashWorld.LeaseHeldAsync(dir))
            {
                await CrashWorld.ExpireLeasesAsync(dir);
            }

            var restart = await CliProcess.RunAsync(args, environment, attempt == 0 ? trial.RestartKillAfter : null);
            result.Processes++;
            if (!await result.CountAsync(restart, dir))
            {
                return result;
            }

            succeeded = restart.ExitCode == 0;
        }

        if (!succeeded)
        {
            result.Problems.Add("no run succeeded after five restarts");
            return result;
        }

        // A killed run's event spool must not outlive it (a first run's spool is as large as its audience).
        result.LeftSpools = Directory.GetFiles(Path.Combine(dir, "tmp"), "la-run-*").Length;
        if (result.LeftSpools > 0)
        {
            result.Problems.Add($"{result.LeftSpools} event spool files left in the temporary folder");
        }

        var observed = await CrashWorld.Observed.ReadAsync(dir);
        var expected = trial.FirstRun ? world.AfterFirstRun : world.AfterSecondRun;
        result.Compare(expected, observed);
        return result;
    }

    private sealed record Trial(string Name, bool FirstRun, string? CrashAt, TimeSpan? KillAfter, TimeSpan? RestartKillAfter, bool CheckLeaseRefusal);

    private sealed class TrialResult(Trial trial)
    {
        public Trial Trial { get; } = trial;

        public List<string> Problems { get; } = [];

        public int Processes { get; set; }

        public int Kills { get; private set; }

        public int KillsInsideRun { get; private set; }

        public int EventsCompared { get; private set; }

        public int Lost { get; private set; }

        public int Duplicates { get; private set; }

        public int PayloadMismatches { get; private set; }

        public bool SnapshotConsistent { get; private set; }

        public int LeftSpools { get; set; }

        /// <summary>Counts a kill; false (with the problem noted) when the process ended in a way no trial expects.</summary>
        public async Task<bool> CountAsync(ProcessResult process, string dir)
        {
            if (process.Killed)
            {
                Kills++;
                // A lease left behind means the kill came between taking it and releasing it: inside the run proper.
                KillsInsideRun += await CrashWorld.LeaseHeldAsync(dir) ? 1 : 0;
                return true;
            }

            if (process.ExitCode != 0)
            {
                Problems.Add("the run failed: " + process);
                return false;
            }

            return true;
        }

        public void Compare(CrashWorld.Observed expected, CrashWorld.Observed observed)
        {
            EventsCompared = expected.Outbox.Count;
            var got = observed.Outbox.GroupBy(e => e.MessageId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var wanted = expected.Outbox.ToDictionary(e => e.MessageId, StringComparer.Ordinal);
            Lost = wanted.Keys.Count(id => !got.ContainsKey(id));
            // A change twice is either one messageId twice or a messageId the clean run never minted (the same change
            // under another membership version, say).
            Duplicates = got.Values.Sum(g => g.Count - 1) + got.Keys.Count(id => !wanted.ContainsKey(id));
            PayloadMismatches = wanted.Values.Count(e => got.TryGetValue(e.MessageId, out var g) && !string.Equals(g[0].Payload, e.Payload, StringComparison.Ordinal));
            if (Lost + Duplicates + PayloadMismatches > 0)
            {
                Problems.Add(string.Create(CultureInfo.InvariantCulture, $"outbox: {Lost} lost, {Duplicates} duplicates, {PayloadMismatches} payloads differing"));
            }

            var snapshot = new List<string>();
            if (observed.PointerVersion != observed.CommittedVersion)
            {
                snapshot.Add($"the warehouse points at version {observed.PointerVersion}, the state store committed {observed.CommittedVersion}");
            }

            if (!observed.SnapshotVersions.SequenceEqual([observed.CommittedVersion]))
            {
                snapshot.Add($"the warehouse holds versions [{string.Join(", ", observed.SnapshotVersions)}], not just the committed {observed.CommittedVersion}");
            }

            if (!observed.Members.SetEquals(expected.Members))
            {
                snapshot.Add($"audience_membership has {observed.Members.Count} members, the replica {expected.Members.Count}");
            }

            if (!observed.SnapshotMembers.SetEquals(expected.SnapshotMembers) || !observed.SnapshotEntities.SetEquals(expected.SnapshotEntities))
            {
                snapshot.Add("the committed snapshot's members, profiles, values or matched entities differ from the replica's");
            }

            if (observed.RunStatuses.Any(s => s != "Succeeded"))
            {
                snapshot.Add($"runs left unfinished or failed: [{string.Join(", ", observed.RunStatuses)}]");
            }

            SnapshotConsistent = snapshot.Count == 0;
            Problems.AddRange(snapshot);
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Trial.Name}: {Processes} processes, {Kills} kills ({KillsInsideRun} inside a run), {EventsCompared} events compared, {Lost} lost, {Duplicates} duplicates, snapshot {(SnapshotConsistent ? "consistent" : "INCONSISTENT")}{(Problems.Count > 0 ? "; " + string.Join("; ", Problems) : "")}");
    }
}
