using System.Globalization;

namespace LinkedAudiences.Benchmarks.Runs;

/// <summary>
/// The peaks of one measured stretch of the process: resident memory from the kernel (VmHWM, reset through
/// /proc/self/clear_refs so each run gets its own peak; it includes DuckDB, which runs inside this process) and the
/// managed heap, sampled every 20 ms (the GC keeps no peak of its own).
/// </summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly Timer _timer;
    private long _managedPeak;

    private PeakMemory()
    {
        ResetKernelPeak();
        _managedPeak = GC.GetTotalMemory(false);
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));
    }

    /// <summary>GC first, so a run does not inherit the garbage of the previous one.</summary>
    public static PeakMemory Start()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return new PeakMemory();
    }

    public long ManagedPeakBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _managedPeak);
        }
    }

    /// <summary>Peak resident set since the start (bytes), or -1 where /proc is missing.</summary>
    public static long KernelPeakBytes => Status("VmHWM:");

    public static long ResidentBytes => Status("VmRSS:");

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var now = GC.GetTotalMemory(false);
        long seen;
        do
        {
            seen = Interlocked.Read(ref _managedPeak);
        }
        while (now > seen && Interlocked.CompareExchange(ref _managedPeak, now, seen) != seen);
    }

    private static void ResetKernelPeak()
    {
        // "5" resets the peak resident set size to the current one (Linux 4.0+).
        if (File.Exists("/proc/self/clear_refs"))
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
    }

    private static long Status(string prefix)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return -1;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line[prefix.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
