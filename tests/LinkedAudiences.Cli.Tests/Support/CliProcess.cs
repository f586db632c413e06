using System.Diagnostics;

namespace LinkedAudiences.Cli.Tests.Support;

/// <summary>What one child process of the CLI did: how it ended, what it printed, and how long it lived.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    /// <summary>128 + SIGKILL: the process was killed (by itself at a crash point, or by the test).</summary>
    public const int KilledExitCode = 137;

    public bool Killed => ExitCode == KilledExitCode;

    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:0.00} s\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}

/// <summary>
/// Runs the built CLI (linked-audiences.dll, copied beside the tests by the project reference) as a child process, so
/// it can be killed like a host losing power — which an in-process run cannot be.
/// </summary>
public static class CliProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "linked-audiences.dll");

    /// <param name="environment">Variables to set (a null value removes one the test process has).</param>
    /// <param name="killAfter">Kill the child (SIGKILL) when it is still running after this long.</param>
    public static async Task<ProcessResult> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? killAfter = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A crash point inherited from whoever runs the tests would kill every child.
        start.Environment.Remove("LA_CRASH_AT");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + start.FileName);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        var deadline = killAfter is { } delay && delay < Limit ? delay : Limit;
        if (await Task.WhenAny(exited, Task.Delay(deadline)) != exited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the check and the kill: its own exit code tells what happened.
            }

            if (killAfter is null || deadline == Limit)
            {
                await exited;
                throw new TimeoutException($"linked-audiences {string.Join(' ', start.ArgumentList.Skip(1))} did not finish within {Limit}.");
            }
        }

        await exited;
        return new ProcessResult(process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }
}
