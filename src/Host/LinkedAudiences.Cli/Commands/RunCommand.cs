using System.CommandLine;
using System.Globalization;
using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Runs;

namespace LinkedAudiences.Cli.Commands;

/// <summary>run: one run now — snapshot and diff in the warehouse, events into the outbox — and its change summary.</summary>
internal static class RunCommand
{
    public static Command Create(TimeProvider time)
    {
        var graph = CommonOptions.Graph();
        var audience = CommonOptions.Audience();
        var audiences = CommonOptions.Audiences();
        var warehouse = CommonOptions.Warehouse();
        var state = CommonOptions.State();
        var asOf = CommonOptions.AsOf();
        var command = new Command("run", "Run the audience once: store its snapshot in the warehouse, diff it there, write the changes to the outbox.")
        {
            graph, audience, audiences, warehouse, state, asOf,
        };

        command.SetAsyncAction(async (parse, output, ct) =>
        {
            var audienceFile = parse.GetValue(audience)!;
            var key = Inputs.KeyOf(audienceFile);
            var runnerOptions = new AudienceRunnerOptions { Checkpoint = CrashPoints.FromEnvironment() };
            var engine = new AudienceEngine(
                await Inputs.ReadGraphAsync(parse.GetValue(graph)!, ct),
                Inputs.Catalog(audienceFile, parse.GetValue(audiences)),
                new AudienceEngineOptions { MembershipSchema = runnerOptions.Snapshots.Schema, MembershipTable = runnerOptions.Snapshots.MembershipView });
            var definition = await Inputs.ReadAudienceAsync(audienceFile, ct);
            var when = CommandRunner.ParseAsOf(parse.GetValue(asOf), time);

            await using var connection = await Warehouses.OpenAsync(parse.GetValue(warehouse)!, ct);
            await using var store = await States.OpenAsync(parse.GetValue(state)!, time, ct);
            var compiled = await engine.CompileOrExplainAsync(audienceFile, definition, connection.Dialect, when, ct);
            var runner = new AudienceRunner(connection, store.Runs, store.Leases, time, runnerOptions);
            var result = await runner.RunAsync(new AudienceRunRequest { AudienceKey = key, Compiled = compiled, AsOf = when }, ct);

            var inv = CultureInfo.InvariantCulture;
            switch (result.Outcome)
            {
                case AudienceRunOutcome.LeaseHeld:
                    throw new CliException(ExitCodes.Warehouse, $"run: another run of '{key}' is in progress.");
                case AudienceRunOutcome.Failed:
                    throw new CliException(ExitCodes.Warehouse, $"run {result.Run?.RunId}: failed: {result.StatusReason}");
            }

            var run = result.Run!;
            var s = run.Summary;
            await output.WriteLineAsync(string.Create(inv, $"run {run.RunId}: {run.Status}, {key} version {run.MembershipVersion} as of {run.AsOf:O}"));
            await output.WriteLineAsync(string.Create(inv,
                $"members {s.Members}, entered {s.Entered}, exited {s.Exited}, entities entered {s.EntitiesEntered}, entities exited {s.EntitiesExited}, values changed {s.ValuesChanged}"));
            await output.WriteLineAsync(string.Create(inv,
                $"queueing {run.Timings.Queueing.TotalSeconds:0.000} s, extracting {run.Timings.Extracting.TotalSeconds:0.000} s, preparing {run.Timings.Preparing.TotalSeconds:0.000} s"));
            if (result.Warning is { } warning)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("warning: " + warning);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
