using System.Diagnostics;

namespace LinkedAudiences.Benchmarks.Warehouse;

/// <summary>One warm-up run, then the median (and the spread) of the timed runs.</summary>
internal static class Measure
{
    public static async Task<Timing> MedianAsync(int runs, Func<Task> action)
    {
        await action();
        var times = new List<Timing>(runs);
        for (var i = 0; i < runs; i++)
        {
            times.Add(await OnceAsync(action));
        }

        return Summarize(times);
    }

    public static async Task<Timing> OnceAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        var ms = watch.Elapsed.TotalMilliseconds;
        return new Timing(ms, ms, ms);
    }

    public static Timing Summarize(IReadOnlyList<Timing> runs)
    {
        var times = runs.Select(r => r.Median).Order().ToList();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        return new Timing(median, times[0], times[^1]);
    }
}

/// <summary>Milliseconds: the median, the fastest and the slowest timed run.</summary>
internal sealed record Timing(double Median, double Min, double Max);
