using System.Diagnostics;
using System.Text.Json;
using LinkedAudiences.Benchmarks.Warehouse;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Storage;
using LinkedAudiences.Warehouses.DuckDb;

namespace LinkedAudiences.Benchmarks.Runs;

/// <summary>
/// One measurement, in a process of its own: a private copy of the cached demo warehouse (so churn never
/// accumulates), a fresh SQLite state store, then run 1 (everyone enters), the churn, and run 2, each timed, with the
/// rows that left the warehouse and the process's peaks. The result is printed as one JSON line for the harness.
/// </summary>
internal static class RunMeasurement
{
    public const string ResultPrefix = "RESULT ";

    private static readonly DateTimeOffset AsOf = DemoWarehouseOptions.DefaultAnchor;

    public static async Task<int> RunAsync(RunsSettings settings, ChildTask task, TextWriter output, CancellationToken cancellationToken)
    {
        var source = await DemoFiles.EnsureAsync(settings.CacheFolder, task.Profiles, settings.Seed, output, cancellationToken);
        var work = Path.Combine(settings.CacheFolder, "runs-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(work);
        try
        {
            var copy = Path.Combine(work, "warehouse.duckdb");
            File.Copy(source, copy, overwrite: true);
            var result = await MeasureAsync(settings, task, copy, work, cancellationToken);
            await output.WriteLineAsync(ResultPrefix + JsonSerializer.Serialize(result));
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<MeasurementResult> MeasureAsync(RunsSettings settings, ChildTask task, string file, string work, CancellationToken cancellationToken)
    {
        await using var duck = await DuckDbWarehouse.OpenAsync(file, DuckDbDialect.Instance, cancellationToken);
        var warehouse = new CountingWarehouse(duck);
        await using var store = await StateStore.OpenAsync("sqlite:" + Path.Combine(work, "state.sqlite"), TimeProvider.System, cancellationToken);

        var definition = ExampleAudiences.Get(task.Audience);
        var engine = new AudienceEngine(DemoGraph.Graph, ExampleAudiences.Catalog);
        var compiled = await engine.CompileAsync(definition, duck.Dialect, AsOf, cancellationToken, task.Audience);
        var enrichment = RunAudiences.EnrichmentOf(task.Audience);

        // One runner (or baseline) for both runs, as in a host that stays up between them.
        var runner = new AudienceRunner(warehouse, store.Runs, store.Leases, TimeProvider.System, new AudienceRunnerOptions { SpoolDirectory = work });
        var baseline = new FullPullBaseline(warehouse, store.Runs, new BaselineStateFile(Path.Combine(work, "baseline.sqlite")), DemoGraph.Graph, TimeProvider.System);
        Func<CancellationToken, Task<ChangeSummary>> run = task.Mode switch
        {
            RunMode.InWarehouse => async ct =>
            {
                var result = await runner.RunAsync(new AudienceRunRequest { AudienceKey = task.Audience, Compiled = compiled, AsOf = AsOf, Enrichment = enrichment }, ct);
                await Console.Out.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"[in-warehouse] seconds: extracting {result.Run?.Timings.Extracting.TotalSeconds:0.00}, preparing {result.Run?.Timings.Preparing.TotalSeconds:0.00}"));
                return result.Outcome == AudienceRunOutcome.Succeeded
                    ? result.Run!.Summary
                    : throw new InvalidOperationException($"The run ended {result.Outcome}: {result.StatusReason}");
            },
            _ => async ct =>
            {
                var summary = await baseline.RunAsync(task.Audience, compiled, enrichment, AsOf, ct);
                await Console.Out.WriteLineAsync("[full-pull] seconds: " + baseline.LastPhases);
                return summary;
            },
        };

        var first = await MeasureRunAsync(warehouse, run, cancellationToken);
        var churnWatch = Stopwatch.StartNew();
        var (leavers, joiners, changers) = await Churn.ApplyAsync(duck, settings.Churn, cancellationToken);
        await duck.ExecuteAsync(SqlQuery.Text("CHECKPOINT"), cancellationToken);
        var churnSeconds = churnWatch.Elapsed.TotalSeconds;
        var second = await MeasureRunAsync(warehouse, run, cancellationToken);

        return new MeasurementResult(RunModes.Name(task.Mode), task.Profiles, task.Audience, settings.Churn, leavers, joiners, changers, churnSeconds, [first, second]);
    }

    private static async Task<RunFigures> MeasureRunAsync(CountingWarehouse warehouse, Func<CancellationToken, Task<ChangeSummary>> run, CancellationToken cancellationToken)
    {
        warehouse.Reset();
        using var peaks = PeakMemory.Start();
        var load = MachineInfo.LoadAverage();
        var watch = Stopwatch.StartNew();
        var summary = await run(cancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;
        await Console.Out.WriteLineAsync("[warehouse] slowest: " + warehouse.Slowest(4));
        return new RunFigures(
            seconds, warehouse.Rows, warehouse.Values, warehouse.Queries, warehouse.Statements,
            PeakMemory.KernelPeakBytes, peaks.ManagedPeakBytes, load,
            summary.Members, summary.Entered, summary.Exited, summary.EntitiesEntered, summary.EntitiesExited, summary.ValuesChanged);
    }
}

/// <summary>What one child process measured.</summary>
internal sealed record MeasurementResult(
    string Mode, int Profiles, string Audience, double Churn, long Leavers, long Joiners, long Changers, double ChurnSeconds, IReadOnlyList<RunFigures> Runs);

/// <summary>One run: wall time, what left the warehouse, the process's peaks (bytes), the load when it started, and the changes.</summary>
internal sealed record RunFigures(
    double Seconds, long Rows, long Values, long Queries, long Statements, long PeakRss, long PeakManaged, string Load,
    long Members, long Entered, long Exited, long EntitiesEntered, long EntitiesExited, long ValuesChanged)
{
    public string Changes => $"{Members}/{Entered}/{Exited}/{EntitiesEntered}/{EntitiesExited}/{ValuesChanged}";
}
