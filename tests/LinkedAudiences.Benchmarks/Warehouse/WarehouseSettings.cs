using System.Globalization;

namespace LinkedAudiences.Benchmarks.Warehouse;

/// <summary>The warehouse harness's command line: scales, runs per measurement, generator seed, cache folder.</summary>
internal sealed record WarehouseSettings(IReadOnlyList<int> Profiles, int Runs, int Seed, string CacheFolder)
{
    public static WarehouseSettings Parse(string[] args)
    {
        var settings = new WarehouseSettings([100_000], Runs: 5, Seed: 42, Path.Combine(Path.GetTempPath(), "la-bench"));
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--profiles" => settings with { Profiles = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] },
                "--runs" => settings with { Runs = int.Parse(value, CultureInfo.InvariantCulture) },
                "--seed" => settings with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "--cache" => settings with { CacheFolder = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
            i++;
        }

        return settings.Runs < 1 ? throw new ArgumentException("--runs must be at least 1.") : settings;
    }
}
