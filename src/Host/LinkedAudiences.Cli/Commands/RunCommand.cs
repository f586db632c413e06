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
        var enrichTraits = new Option<string[]>("--enrich-trait")
        {
            Description = "Traits whose values 'values changed' events carry, for members who stay while they change (repeatable, or comma-separated).",
        };
        var enrichEntities = new Option<string[]>("--enrich-entity")
        {
            Description = "ENTITY:COLUMN[,COLUMN...]: columns of an entity the audience matches, carried the same way (repeatable).",
        };
        var command = new Command("run", "Run the audience once: store its snapshot in the warehouse, diff it there, write the changes to the outbox.")
        {
            graph, audience, audiences, warehouse, state, asOf, enrichTraits, enrichEntities,
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
            var enrichment = Enrichment(parse.GetValue(enrichTraits), parse.GetValue(enrichEntities));

            await using var connection = await Warehouses.OpenAsync(parse.GetValue(warehouse)!, ct);
            await using var store = await States.OpenAsync(parse.GetValue(state)!, time, ct);
            var compiled = await engine.CompileOrExplainAsync(audienceFile, definition, connection.Dialect, when, ct);
            var runner = new AudienceRunner(connection, store.Runs, store.Leases, time, runnerOptions);
            // A run of this audience left unfinished (its process died) is resumed under its own id: it then ends
            // Succeeded in the history instead of staying Running forever, and yields the same messageIds either way.
            var unfinished = (await store.Runs.ListUnfinishedRunsAsync(ct))
                .Where(r => string.Equals(r.AudienceKey, key, StringComparison.Ordinal))
                .OrderBy(r => r.QueuedAt)
                .FirstOrDefault();
            var result = await runner.RunAsync(
                new AudienceRunRequest { AudienceKey = key, Compiled = compiled, AsOf = when, Enrichment = enrichment, RunId = unfinished?.RunId },
                ct);

            var inv = CultureInfo.InvariantCulture;
            switch (result.Outcome)
            {
                case AudienceRunOutcome.LeaseHeld:
                    throw new CliException(ExitCodes.Warehouse, $"run: another run of '{key}' is in progress (a run whose process died holds the audience until its lease expires, within {(int)runnerOptions.LeaseDuration.TotalMinutes} minutes).");
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

    private static EnrichmentSpec Enrichment(string[]? traits, string[]? entities)
    {
        static string[] List(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var wanted = new List<EntityEnrichment>();
        foreach (var item in entities ?? [])
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            var columns = colon > 0 ? List(item[(colon + 1)..]) : [];
            if (columns.Length == 0)
            {
                throw new CliException(ExitCodes.Usage, $"--enrich-entity: '{item}' is not ENTITY:COLUMN[,COLUMN...].");
            }

            wanted.Add(new EntityEnrichment(item[..colon].Trim(), columns));
        }

        // Names are checked against the audience by the runner, which fails the run saying which one does not fit.
        return new EnrichmentSpec { Traits = [.. (traits ?? []).SelectMany(List)], Entities = wanted };
    }
}
