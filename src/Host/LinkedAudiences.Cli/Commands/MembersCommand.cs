using System.CommandLine;
using LinkedAudiences.Core.Engine;

namespace LinkedAudiences.Cli.Commands;

/// <summary>members: one member key per line on stdout and nothing else, so the output pipes into other tools.</summary>
internal static class MembersCommand
{
    public static Command Create(TimeProvider time)
    {
        var graph = CommonOptions.Graph();
        var audience = CommonOptions.Audience();
        var audiences = CommonOptions.Audiences();
        var warehouse = CommonOptions.Warehouse();
        var asOf = CommonOptions.AsOf();
        var command = new Command("members", "Print the audience's members, one key per line.")
        {
            graph, audience, audiences, warehouse, asOf,
        };

        command.SetAsyncAction(async (parse, output, ct) =>
        {
            var audienceFile = parse.GetValue(audience)!;
            var engine = new AudienceEngine(
                await Inputs.ReadGraphAsync(parse.GetValue(graph)!, ct),
                Inputs.Catalog(audienceFile, parse.GetValue(audiences)));
            var definition = await Inputs.ReadAudienceAsync(audienceFile, ct);
            var when = CommandRunner.ParseAsOf(parse.GetValue(asOf), time);

            await using var connection = await Warehouses.OpenAsync(parse.GetValue(warehouse)!, ct);
            var compiled = await engine.CompileOrExplainAsync(audienceFile, definition, connection.Dialect, when, ct);
            await foreach (var row in connection.QueryAsync(compiled.Members, ct))
            {
                await output.WriteLineAsync(AudienceEngine.KeyOf(row[0]));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
