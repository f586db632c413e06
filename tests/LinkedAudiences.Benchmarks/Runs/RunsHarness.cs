using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LinkedAudiences.Benchmarks.Warehouse;

namespace LinkedAudiences.Benchmarks.Runs;

/// <summary>
/// First and second run of each audience at each scale, in-warehouse diff against full pull: every (mode, scale,
/// audience) runs in a child process of its own (this program, started again with <c>--child</c>) so the peaks of one
/// do not show in another. Prints a markdown table per scale and checks that both modes found the same changes.
/// </summary>
internal static class RunsHarness
{
    public static async Task<int> RunAsync(RunsSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        if (settings.Child is { } child)
        {
            return await RunMeasurement.RunAsync(settings, child, output, cancellationToken);
        }

        var inv = CultureInfo.InvariantCulture;
        var mismatches = 0;
        foreach (var profiles in settings.Profiles)
        {
            var file = await DemoFiles.EnsureAsync(settings.CacheFolder, profiles, settings.Seed, output, cancellationToken);
            var results = new List<MeasurementResult>();
            var started = Stopwatch.StartNew();
            foreach (var audience in settings.Audiences)
            {
                foreach (var mode in settings.Modes)
                {
                    var result = await RunChildAsync(settings, new ChildTask(mode, profiles, audience), output, cancellationToken);
                    results.Add(result);
                    await output.WriteLineAsync(string.Create(inv,
                        $"[runs] {audience} {RunModes.Name(mode)}: run 1 {result.Runs[0].Seconds:0.0} s, run 2 {result.Runs[1].Seconds:0.0} s (load {MachineInfo.LoadAverage()})"));
                    await WriteRowsAsync(result, output, "[row] ");
                }

                mismatches += await CheckAsync(results.Where(r => r.Audience == audience).ToList(), output);
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync(MachineInfo.Describe("v1.5.6 (DuckDB.NET.Data.Full 1.5.6.1)"));
            await output.WriteLineAsync(string.Create(inv,
                $"data:         {profiles:N0} profiles (seed {settings.Seed}), {new FileInfo(file).Length / 1_048_576} MB file; churn {settings.Churn:P2} per set; measured in {started.Elapsed.TotalMinutes:0.0} min"));
            await output.WriteLineAsync();
            await WriteTableAsync(results, output);
        }

        if (mismatches > 0)
        {
            await output.WriteLineAsync($"!!! {mismatches} MISMATCH(ES) between the in-warehouse diff and the full pull — see above.");
            return 1;
        }

        return 0;
    }

    private static async Task<MeasurementResult> RunChildAsync(RunsSettings settings, ChildTask task, TextWriter output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark cannot find its own executable.");
        start.FileName = host;
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(RunsHarness).Assembly.Location);
        }

        foreach (var argument in settings.ChildArguments(task))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
        MeasurementResult? result = null;
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith(RunMeasurement.ResultPrefix, StringComparison.Ordinal))
            {
                result = JsonSerializer.Deserialize<MeasurementResult>(line[RunMeasurement.ResultPrefix.Length..]);
            }
            else
            {
                await output.WriteLineAsync("  " + line);
            }
        }

        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 && result is not null
            ? result
            : throw new InvalidOperationException($"The measurement {RunModes.Name(task.Mode)} {task.Profiles} {task.Audience} failed (exit code {process.ExitCode}).");
    }

    /// <summary>Both modes must report the same changes run by run; a difference is printed loudly and counted.</summary>
    private static async Task<int> CheckAsync(IReadOnlyList<MeasurementResult> results, TextWriter output)
    {
        var mismatches = 0;
        for (var i = 1; i < results.Count; i++)
        {
            for (var run = 0; run < 2; run++)
            {
                var (a, b) = (results[0].Runs[run], results[i].Runs[run]);
                if (!string.Equals(a.Changes, b.Changes, StringComparison.Ordinal))
                {
                    mismatches++;
                    await output.WriteLineAsync(
                        $"!!! MISMATCH {results[0].Audience} run {run + 1}: {results[0].Mode} members/entered/exited/entities entered/entities exited/values changed = {a.Changes}, {results[i].Mode} = {b.Changes}");
                }
            }
        }

        return mismatches;
    }

    private static async Task WriteRowsAsync(MeasurementResult result, TextWriter output, string prefix)
    {
        for (var i = 0; i < result.Runs.Count; i++)
        {
            var r = result.Runs[i];
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{prefix}| {result.Audience} | {result.Mode} | {i + 1} | {r.Members:N0} | {r.Entered:N0} | {r.Exited:N0} | {r.EntitiesEntered:N0} | {r.EntitiesExited:N0} | {r.ValuesChanged:N0} | {r.Seconds:0.0} | {r.Rows:N0} | {r.Values:N0} | {r.PeakRss / 1_048_576.0:0} | {r.PeakManaged / 1_048_576.0:0} | {r.Load.Split(' ')[0]} |"));
        }
    }

    private static async Task WriteTableAsync(IReadOnlyList<MeasurementResult> results, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync("| audience | mode | run | members | entered | exited | entities entered | entities exited | values changed | wall s | rows out | values out | peak RSS MB | managed peak MB | load (1 min) |");
        await output.WriteLineAsync("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            await WriteRowsAsync(result, output, "");
        }

        await output.WriteLineAsync();
        if (results.Count > 0)
        {
            var churn = results[0];
            await output.WriteLineAsync(string.Create(inv,
                $"churn sets: {churn.Leavers:N0} leavers, {churn.Joiners:N0} joiners, {churn.Changers:N0} changers (applied in {churn.ChurnSeconds:0.0} s, not timed)"));
        }

        await output.WriteLineAsync("load average at the end: " + MachineInfo.LoadAverage());
    }
}
