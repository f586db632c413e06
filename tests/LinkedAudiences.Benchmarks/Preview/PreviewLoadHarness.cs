using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LinkedAudiences.Benchmarks.Warehouse;

namespace LinkedAudiences.Benchmarks.Preview;

/// <summary>
/// A bounded loopback load test of the builder's preview (not a timed benchmark): the real host on Kestrel with N demo
/// profiles, one signed-in admin, then waves of C concurrent <c>POST graphs/demo/preview</c> requests carrying a
/// docs/examples definition. Every answer must be 200 with the same count as the warm-up; the latency of each request
/// (client side, over loopback HTTP) is reported as p50 / p95 / max.
/// </summary>
internal static partial class PreviewLoadHarness
{
    private const string AsOf = "2026-11-01T00:00:00Z";

    public static async Task<int> RunAsync(PreviewLoadSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(MachineInfo.Describe("v1.5.6 (DuckDB.NET.Data.Full 1.5.6.1)"));
        var boot = Stopwatch.StartNew();
        await using var host = new PreviewHost(settings.Profiles);
        await host.StartAsync();
        await output.WriteLineAsync(string.Create(inv, $"[preview-load] host up on {host.BaseAddress} with {settings.Profiles:N0} demo profiles in {boot.Elapsed.TotalSeconds:0.0} s (setup + warehouse generation, not timed)"));

        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), MaxConnectionsPerServer = settings.Concurrency };
        using var client = new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        await SignInAsync(client, cancellationToken);
        var token = Token(await client.GetStringAsync(new Uri("/Admin/LinkedAudiences/Runs/Index", UriKind.Relative), cancellationToken));
        var body = await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "docs", "examples", "audiences", settings.Audience + ".json"), cancellationToken);

        var warmUp = await PreviewAsync(client, token, body, cancellationToken);
        if (warmUp.Error is not null)
        {
            await output.WriteLineAsync("[preview-load] warm-up failed: " + warmUp.Error);
            return 1;
        }

        await output.WriteLineAsync(string.Create(inv, $"[preview-load] {settings.Audience}: count {warmUp.Count:N0}; warm-up {warmUp.Elapsed.TotalMilliseconds:0} ms"));
        var latencies = new List<double>();
        var errors = new List<string>();
        var wall = Stopwatch.StartNew();
        for (var wave = 0; wave < settings.Waves; wave++)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(_ => PreviewAsync(client, token, body, cancellationToken)));
            foreach (var result in results)
            {
                latencies.Add(result.Elapsed.TotalMilliseconds);
                if (result.Error is not null)
                {
                    errors.Add(result.Error);
                }
                else if (result.Count != warmUp.Count)
                {
                    errors.Add(string.Create(inv, $"count {result.Count} instead of {warmUp.Count}"));
                }
            }

            var sorted = results.Select(r => r.Elapsed.TotalMilliseconds).Order().ToList();
            await output.WriteLineAsync(string.Create(inv, $"[preview-load] wave {wave + 1}: {settings.Concurrency} concurrent, p50 {Percentile(sorted, 50):0} ms, max {sorted[^1]:0} ms"));
        }

        var elapsed = wall.Elapsed;
        latencies.Sort();
        await output.WriteLineAsync(string.Create(inv,
            $"[preview-load] {latencies.Count} requests ({settings.Waves} waves of {settings.Concurrency} concurrent) on {settings.Profiles:N0} profiles: " +
            $"{errors.Count} errors; p50 {Percentile(latencies, 50):0} ms, p95 {Percentile(latencies, 95):0} ms, max {latencies[^1]:0} ms; " +
            $"{latencies.Count / elapsed.TotalSeconds:0.0} previews/s over {elapsed.TotalSeconds:0.0} s"));
        foreach (var error in errors.Distinct(StringComparer.Ordinal).Take(10))
        {
            await output.WriteLineAsync("[preview-load] error: " + error);
        }

        return errors.Count == 0 ? 0 : 1;
    }

    /// <summary>Nearest-rank percentile of an ascending list.</summary>
    internal static double Percentile(IReadOnlyList<double> sorted, int percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task<(TimeSpan Elapsed, long Count, string? Error)> PreviewAsync(HttpClient client, string token, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/linked-audiences/graphs/demo/preview?asOf=" + AsOf, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("RequestVerificationToken", token);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var elapsed = watch.Elapsed;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (elapsed, -1, $"HTTP {(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}");
            }

            var json = JsonNode.Parse(text);
            return json?["valid"]?.GetValue<bool>() == true
                ? (elapsed, json["count"]!.GetValue<long>(), null)
                : (elapsed, -1, "invalid: " + text[..Math.Min(text.Length, 300)]);
        }
        catch (HttpRequestException e)
        {
            return (watch.Elapsed, -1, e.GetType().Name + ": " + e.Message);
        }
    }

    private static async Task SignInAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var login = await client.GetStringAsync(new Uri("/Login", UriKind.Relative), cancellationToken);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["LoginForm.UserName"] = "admin",
            ["LoginForm.Password"] = "Demo-Password-1!",
            ["__RequestVerificationToken"] = Token(login),
        });
        using var response = await client.PostAsync(new Uri("/Login", UriKind.Relative), form, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in answered {(int)response.StatusCode}.");
        }
    }

    private static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("The page has no anti-forgery token.");
    }

    [GeneratedRegex("<input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
