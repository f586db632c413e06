using System.CommandLine;
using System.Data.Common;
using System.Globalization;

namespace LinkedAudiences.Cli;

/// <summary>Runs a verb's body and turns every expected failure into a message on stderr and an exit code.</summary>
internal static class CommandRunner
{
    public static void SetAsyncAction(this Command command, Func<ParseResult, TextWriter, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                return await body(parse, output, ct);
            }
            catch (CliException e)
            {
                await error.WriteLineAsync(e.Message);
                return e.ExitCode;
            }
            catch (DbException e)
            {
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"The warehouse failed the query: {e.Message}"));
                return ExitCodes.Warehouse;
            }
            catch (OperationCanceledException)
            {
                await error.WriteLineAsync("Cancelled.");
                return 130;
            }
        });

    public static DateTimeOffset ParseAsOf(string? value, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return time.GetUtcNow();
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var asOf)
            ? asOf
            : throw new CliException(ExitCodes.Usage, $"--as-of: '{value}' is not an ISO-8601 time (e.g. 2026-11-01T00:00:00Z).");
    }
}
