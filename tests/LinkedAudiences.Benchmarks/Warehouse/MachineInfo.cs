using System.Globalization;
using System.Runtime.InteropServices;

namespace LinkedAudiences.Benchmarks.Warehouse;

/// <summary>What the figures were measured on, printed above them (benchmarks without a machine mean little).</summary>
internal static class MachineInfo
{
    public static string Describe(string duckDbVersion)
    {
        var memory = ProcLine("/proc/meminfo", "MemTotal:") is { } total
            ? (long.Parse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture) / 1_048_576.0).ToString("0.0", CultureInfo.InvariantCulture) + " GiB"
            : "unknown";
        var cpu = ProcLine("/proc/cpuinfo", "model name") is { } model ? model.TrimStart(':', ' ', '\t') : RuntimeInformation.ProcessArchitecture.ToString();
        return string.Create(CultureInfo.InvariantCulture,
            $"""
            date (UTC):   {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm}
            machine:      nproc {Environment.ProcessorCount}, memory {memory}, {cpu}
            os / runtime: {RuntimeInformation.OSDescription} / {RuntimeInformation.FrameworkDescription}, DuckDB {duckDbVersion}
            load average: {LoadAverage()}
            """);
    }

    /// <summary>1, 5 and 15 minute load averages: on a shared machine they say how busy it was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? ProcLine(string file, string prefix)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line?[prefix.Length..].Trim();
    }
}
