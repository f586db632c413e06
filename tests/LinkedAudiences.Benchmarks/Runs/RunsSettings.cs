using System.Globalization;

namespace LinkedAudiences.Benchmarks.Runs;

/// <summary>
/// The runs benchmark's command line: scales, churn fraction, audiences, modes, generator seed and cache folder.
/// <c>--child MODE,PROFILES,AUDIENCE</c> is how the harness starts one measurement in a process of its own.
/// </summary>
internal sealed record RunsSettings(IReadOnlyList<int> Profiles, double Churn, IReadOnlyList<string> Audiences, IReadOnlyList<RunMode> Modes, int Seed, string CacheFolder)
{
    public ChildTask? Child { get; init; }

    public static RunsSettings Parse(string[] args)
    {
        var settings = new RunsSettings([100_000], 0.01, RunAudiences.Default, [RunMode.InWarehouse, RunMode.FullPull], 42, Path.Combine(Path.GetTempPath(), "la-bench"));
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--profiles" => settings with { Profiles = [.. value.Split(',').Select(Int)] },
                "--churn" => settings with { Churn = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture) },
                "--audiences" => settings with { Audiences = value.Split(',') },
                "--modes" => settings with { Modes = [.. value.Split(',').Select(RunModes.Parse)] },
                "--seed" => settings with { Seed = Int(value) },
                "--cache" => settings with { CacheFolder = value },
                "--child" => settings with { Child = ChildTask.Parse(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return settings;
    }

    /// <summary>The arguments that start <paramref name="task"/> in a child process with these settings.</summary>
    public IReadOnlyList<string> ChildArguments(ChildTask task) =>
    [
        "runs", "--churn", Churn.ToString("R", CultureInfo.InvariantCulture), "--seed", Int(Seed), "--cache", CacheFolder,
        "--child", string.Join(',', RunModes.Name(task.Mode), Int(task.Profiles), task.Audience),
    ];

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One measurement: a mode on one audience at one scale (first run, churn, second run).</summary>
internal sealed record ChildTask(RunMode Mode, int Profiles, string Audience)
{
    public static ChildTask Parse(string value)
    {
        var parts = value.Split(',');
        return parts.Length == 3
            ? new ChildTask(RunModes.Parse(parts[0]), int.Parse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture), parts[2])
            : throw new ArgumentException("--child takes MODE,PROFILES,AUDIENCE.");
    }
}

internal enum RunMode
{
    /// <summary>The product's runner: snapshot and diff in the warehouse, only the changes come out.</summary>
    InWarehouse,

    /// <summary>The yardstick: the whole membership comes out every run and is diffed in the app.</summary>
    FullPull,
}

internal static class RunModes
{
    public static string Name(RunMode mode) => mode == RunMode.InWarehouse ? "in-warehouse" : "full-pull";

    public static RunMode Parse(string name) => name switch
    {
        "in-warehouse" => RunMode.InWarehouse,
        "full-pull" => RunMode.FullPull,
        _ => throw new ArgumentException($"Unknown mode {name}; expected in-warehouse or full-pull."),
    };
}
