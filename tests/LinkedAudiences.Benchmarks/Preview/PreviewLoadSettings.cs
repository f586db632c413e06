using System.Globalization;

namespace LinkedAudiences.Benchmarks.Preview;

/// <summary>
/// The preview load test's command line: demo profiles in the host's warehouse, how many preview requests are in
/// flight at once, how many such waves, and the docs/examples audience previewed (its JSON is the request body).
/// </summary>
internal sealed record PreviewLoadSettings(int Profiles, int Concurrency, int Waves, string Audience)
{
    public static PreviewLoadSettings Parse(string[] args)
    {
        var settings = new PreviewLoadSettings(100_000, 50, 4, "uc1-outstanding-credit-card");
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--profiles" => settings with { Profiles = Int(value) },
                "--concurrency" => settings with { Concurrency = Int(value) },
                "--waves" => settings with { Waves = Int(value) },
                "--audience" => settings with { Audience = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return settings;
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
