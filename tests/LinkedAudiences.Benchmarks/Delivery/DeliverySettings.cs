using System.Globalization;

namespace LinkedAudiences.Benchmarks.Delivery;

/// <summary>
/// The delivery benchmark's command line: how many events, the destination's batch size and concurrency, the events
/// one pass of the deliverer takes, and where the SQLite state store goes (a fresh file per run).
/// </summary>
internal sealed record DeliverySettings(int Events, int Batch, int Concurrency, int EventsPerPass, string Folder)
{
    public static DeliverySettings Parse(string[] args)
    {
        var settings = new DeliverySettings(1_000_000, 100, 4, 5000, Path.Combine(Path.GetTempPath(), "la-bench"));
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--events" => settings with { Events = Int(value) },
                "--batch" => settings with { Batch = Int(value) },
                "--concurrency" => settings with { Concurrency = Int(value) },
                "--pass" => settings with { EventsPerPass = Int(value) },
                "--cache" => settings with { Folder = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return settings;
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
