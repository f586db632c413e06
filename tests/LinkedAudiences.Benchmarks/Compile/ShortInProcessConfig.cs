using BenchmarkDotNet.Configs;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace LinkedAudiences.Benchmarks.Compile;

/// <summary>
/// Like <c>--job short</c> (one launch, three warm-ups, three iterations) but in-process and with 100 ms iterations:
/// compiling takes microseconds, so this is still thousands of operations per iteration, and the sixteen benchmarks
/// finish in well under a minute instead of building and launching a process each.
/// </summary>
internal sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig()
    {
        AddJob(Job.ShortRun
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithIterationTime(TimeInterval.FromMilliseconds(100))
            .WithId("ShortInProcess"));
        // The defaults (console logger, exporters, columns) on top of the job above.
        Add(DefaultConfig.Instance);
        // Audience keys are file names longer than the default 20 characters of a parameter column.
        SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(48);
        // Reports go beside the warehouse harness's cache, not into the working tree.
        ArtifactsPath = Path.Combine(Path.GetTempPath(), "la-bench", "BenchmarkDotNet.Artifacts");
    }
}
