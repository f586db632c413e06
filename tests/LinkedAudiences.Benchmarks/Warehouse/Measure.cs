using System.Diagnostics;
using System.Globalization;

namespace LinkedAudiences.Benchmarks.Warehouse;

/// <summary>
/// One warm-up run, then the median (and the spread) of the timed runs. A run slower than the budget is not repeated
/// (its warm-up is the figure, marked "1 run"); a run longer than the cap is cancelled (marked "&gt; cap").
/// </summary>
internal sealed class Measure(int runs, TimeSpan budget, TimeSpan cap)
{
    public int Runs { get; } = runs;

    public TimeSpan Cap { get; } = cap;

    public async Task<Timing> MedianAsync(Func<CancellationToken, Task> action)
    {
        var warmUp = await OnceAsync(action);
        if (warmUp.Cancelled || warmUp.Median > budget.TotalMilliseconds)
        {
            return warmUp;
        }

        var times = new List<Timing>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            times.Add(await OnceAsync(action));
        }

        return Summarize(times);
    }

    /// <summary>Alternates two actions run by run (after a warm-up of each), so that a busy neighbour slows both alike.</summary>
    public async Task<(Timing First, Timing Second)> InterleavedAsync(Func<CancellationToken, Task> first, Func<CancellationToken, Task> second)
    {
        var warmUps = (await OnceAsync(first), await OnceAsync(second));
        if (warmUps.Item1.Cancelled || warmUps.Item2.Cancelled || Math.Max(warmUps.Item1.Median, warmUps.Item2.Median) > budget.TotalMilliseconds)
        {
            return warmUps;
        }

        var a = new List<Timing>(Runs);
        var b = new List<Timing>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            a.Add(await OnceAsync(first));
            b.Add(await OnceAsync(second));
        }

        return (Summarize(a), Summarize(b));
    }

    private async Task<Timing> OnceAsync(Func<CancellationToken, Task> action)
    {
        using var timeout = new CancellationTokenSource(Cap);
        var watch = Stopwatch.StartNew();
        try
        {
            await action(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new Timing(Cap.TotalMilliseconds, Cap.TotalMilliseconds, Cap.TotalMilliseconds, 1, Cancelled: true);
        }

        var ms = watch.Elapsed.TotalMilliseconds;
        return new Timing(ms, ms, ms, 1, Cancelled: false);
    }

    private static Timing Summarize(IReadOnlyList<Timing> runs)
    {
        var times = runs.Select(r => r.Median).Order().ToList();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        return new Timing(median, times[0], times[^1], times.Count, runs.Any(r => r.Cancelled));
    }
}

/// <summary>Milliseconds over <see cref="Runs"/> timed runs: the median, the fastest and the slowest.</summary>
internal sealed record Timing(double Median, double Min, double Max, int Runs, bool Cancelled)
{
    public override string ToString() =>
        Cancelled ? string.Create(CultureInfo.InvariantCulture, $"> {Median / 1000:0} s (cancelled)")
        : Runs == 1 ? string.Create(CultureInfo.InvariantCulture, $"{Median:0.0} (1 run)")
        : string.Create(CultureInfo.InvariantCulture, $"{Median:0.0} [{Min:0.0}–{Max:0.0}]");
}
