using System.Diagnostics;
using System.Globalization;
using LinkedAudiences.Core.Runs;

namespace LinkedAudiences.Cli;

/// <summary>
/// Test-only: <c>LA_CRASH_AT=STAGE[#N]</c> kills the process abruptly the N-th time (default the first) a run passes
/// the stage (one of <see cref="RunCheckpoints.All"/>), like a power cut: no finally blocks, no flushing, the lease
/// left held. The crash test uses it to prove that a re-run yields every change exactly once.
/// </summary>
internal static class CrashPoints
{
    public const string Variable = "LA_CRASH_AT";

    /// <summary>The checkpoint the variable asks for; null when it is not set.</summary>
    public static Func<string, CancellationToken, ValueTask>? FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var (stage, nth) = Parse(value.Trim());
        var passed = 0;
        return (name, _) =>
        {
            if (string.Equals(name, stage, StringComparison.Ordinal) && ++passed == nth)
            {
                // SIGKILL to ourselves: nothing after this line runs, exactly like a host that lost power.
                using var self = Process.GetCurrentProcess();
                self.Kill();
                Thread.Sleep(Timeout.Infinite);
            }

            return ValueTask.CompletedTask;
        };
    }

    private static (string Stage, int Nth) Parse(string value)
    {
        var hash = value.IndexOf('#', StringComparison.Ordinal);
        var stage = hash < 0 ? value : value[..hash];
        var nth = 1;
        if (!RunCheckpoints.All.Contains(stage, StringComparer.Ordinal)
            || (hash >= 0 && (!int.TryParse(value[(hash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out nth) || nth < 1)))
        {
            // A typo must not pass for a run that survived its crash point.
            throw new CliException(ExitCodes.Usage, $"{Variable}: '{value}' is not STAGE or STAGE#N with N >= 1; stages: {string.Join(", ", RunCheckpoints.All)}.");
        }

        return (stage, nth);
    }
}
