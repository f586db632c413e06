using System.CommandLine;
using System.Globalization;

namespace LinkedAudiences.Cli.Commands;

/// <summary>runs: an audience's run history (the last 50), newest first.</summary>
internal static class RunsCommand
{
    public static Command Create(TimeProvider time)
    {
        var state = CommonOptions.State();
        var key = new Option<string>("--key") { Description = "The audience key (its definition file name without .json).", Required = true };
        var limit = new Option<int>("--limit") { Description = "How many runs (default 50).", DefaultValueFactory = _ => 50 };
        var command = new Command("runs", "List an audience's runs: start, duration, result, change summary and stage timings.")
        {
            state, key, limit,
        };

        command.SetAsyncAction(async (parse, output, ct) =>
        {
            await using var store = await States.OpenAsync(parse.GetValue(state)!, time, ct, mustExist: true);
            var runs = await store.Runs.ListRunsAsync(parse.GetValue(key)!, Math.Clamp(parse.GetValue(limit), 1, 50), ct);
            var inv = CultureInfo.InvariantCulture;
            await output.WriteLineAsync("run_id\tstarted_at\tduration_s\tstatus\tversion\tmembers\tentered\texited\tentities_entered\tentities_exited\tvalues_changed\tqueueing_s\textracting_s\tpreparing_s\terror");
            foreach (var r in runs)
            {
                var s = r.Summary;
                await output.WriteLineAsync(string.Create(inv,
                    $"{r.RunId}\t{r.StartedAt:O}\t{r.Duration?.TotalSeconds:0.000}\t{r.Status}\t{r.MembershipVersion}\t{s.Members}\t{s.Entered}\t{s.Exited}\t{s.EntitiesEntered}\t{s.EntitiesExited}\t{s.ValuesChanged}\t{r.Timings.Queueing.TotalSeconds:0.000}\t{r.Timings.Extracting.TotalSeconds:0.000}\t{r.Timings.Preparing.TotalSeconds:0.000}\t{r.Error}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
