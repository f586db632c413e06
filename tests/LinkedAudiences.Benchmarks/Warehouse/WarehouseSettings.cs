using System.Globalization;

namespace LinkedAudiences.Benchmarks.Warehouse;

/// <summary>
/// The warehouse harness's command line: scales, timed runs per figure, generator seed, cache folder, and the
/// per-query budget (slower runs are not repeated) and cap (longer runs are cancelled), in seconds; optionally a subset of the audiences.
/// </summary>
internal sealed record WarehouseSettings(IReadOnlyList<int> Profiles, int Runs, int Seed, string CacheFolder, int BudgetSeconds, int CapSeconds)
{
    /// <summary>Only these example audiences (keys), or all when null.</summary>
    public IReadOnlySet<string>? Audiences { get; init; }

    public static WarehouseSettings Parse(string[] args)
    {
        var settings = new WarehouseSettings([100_000], Runs: 5, Seed: 42, Path.Combine(Path.GetTempPath(), "la-bench"), BudgetSeconds: 30, CapSeconds: 300);
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--profiles" => settings with { Profiles = [.. value.Split(',').Select(Int)] },
                "--runs" => settings with { Runs = Int(value) },
                "--seed" => settings with { Seed = Int(value) },
                "--cache" => settings with { CacheFolder = value },
                "--budget" => settings with { BudgetSeconds = Int(value) },
                "--cap" => settings with { CapSeconds = Int(value) },
                "--audiences" => settings with { Audiences = value.Split(',').ToHashSet(StringComparer.Ordinal) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return settings.Runs < 1 ? throw new ArgumentException("--runs must be at least 1.") : settings;
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
