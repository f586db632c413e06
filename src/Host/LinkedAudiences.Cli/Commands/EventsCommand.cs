using System.Text.Json.Nodes;
using System.CommandLine;

namespace LinkedAudiences.Cli.Commands;

/// <summary>events: the outbox of one run, one JSON payload per line.</summary>
internal static class EventsCommand
{
    public static Command Create(TimeProvider time)
    {
        var state = CommonOptions.State();
        var run = new Option<string>("--run") { Description = "The run id (from run or runs).", Required = true };
        var command = new Command("events", "Print the events a run wrote to the outbox, one JSON object per line.") { state, run };

        command.SetAsyncAction(async (parse, output, ct) =>
        {
            await using var store = await States.OpenAsync(parse.GetValue(state)!, time, ct, mustExist: true);
            var runId = parse.GetValue(run)!;
            if (await store.Runs.FindRunAsync(runId, ct) is null)
            {
                throw new CliException(ExitCodes.Usage, $"--run: no run '{runId}' in the state store.");
            }

            await foreach (var entry in store.Runs.ReadOutboxAsync(runId, ct))
            {
                // One line per event whatever the stored formatting, so the output pipes into jq and friends.
                await output.WriteLineAsync(JsonNode.Parse(entry.Event.Payload)?.ToJsonString() ?? "null");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
