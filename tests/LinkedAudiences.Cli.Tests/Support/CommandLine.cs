using LinkedAudiences.Core.Demo;

namespace LinkedAudiences.Cli.Tests.Support;

/// <summary>Runs the command line in-process, as <c>linked-audiences ARGS</c> would, with its streams captured.</summary>
public static class CommandLine
{
    /// <summary>The clock the CLI sees when no --as-of is given: a fixed instant, one day after the demo anchor.</summary>
    public static DateTimeOffset Now { get; } = DemoWarehouseOptions.DefaultAnchor.AddDays(1);

    public const string AsOf = "2026-11-01T00:00:00Z";

    public static Task<CliResult> RunAsync(params string[] args) => RunAtAsync(Now, args);

    /// <summary>The same with the clock at <paramref name="now"/> (runs are listed by when they were queued).</summary>
    public static async Task<CliResult> RunAtAsync(DateTimeOffset now, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exit = await CliApp.RunAsync(args, stdout, stderr, CancellationToken.None, new FixedTimeProvider(now));
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
