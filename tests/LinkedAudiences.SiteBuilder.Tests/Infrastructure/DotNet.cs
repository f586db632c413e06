using System.Diagnostics;

namespace LinkedAudiences.SiteBuilder.Tests.Infrastructure;

/// <summary>Runs the dotnet CLI as a site builder would, failing with its whole output when it fails.</summary>
public static class DotNet
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);

    public static async Task RunAsync(string workingDirectory, params string[] arguments)
    {
        using var process = Start(workingDirectory, arguments, environment: null, out var output);
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} did not finish in {CommandTimeout}:{Environment.NewLine}{output}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} exited with {process.ExitCode}:{Environment.NewLine}{output}");
        }
    }

    /// <summary>Starts `dotnet` with its output captured; the caller owns (and must end) the process.</summary>
    public static Process Start(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, out ProcessOutput output)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The test runner's own MSBuild variables would point a nested build at the runner's MSBuild instance.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var captured = new ProcessOutput();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => captured.Append(e.Data);
        process.ErrorDataReceived += (_, e) => captured.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = captured;
        return process;
    }
}
