using System.CommandLine;
using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Cli.Commands;

/// <summary>validate: the graph (against the warehouse's tables when --warehouse is given) and, optionally, a definition.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var graph = CommonOptions.Graph();
        var audience = new Option<FileInfo?>("--audience") { Description = "The audience definition to validate (optional: without it only the graph is checked)." };
        var audiences = CommonOptions.Audiences();
        var warehouse = CommonOptions.Warehouse(required: false);
        var command = new Command("validate", "Check a data graph (against the warehouse's real tables and types) and an audience definition.")
        {
            graph, audience, audiences, warehouse,
        };

        command.SetAsyncAction(async (parse, output, ct) =>
        {
            var graphFile = parse.GetValue(graph)!;
            var dataGraph = await Inputs.ReadGraphAsync(graphFile, ct);

            IReadOnlyList<Core.Warehouses.WarehouseTable>? tables = null;
            if (parse.GetValue(warehouse) is { } location)
            {
                await using var connection = await Warehouses.OpenAsync(location, ct);
                tables = await connection.DescribeTablesAsync(ct);
            }

            var graphResult = DataGraphValidator.Validate(dataGraph, tables);
            if (!graphResult.IsValid)
            {
                throw Inputs.Invalid(graphFile, graphResult);
            }

            // Everything is checked before anything is written: when something is invalid, stdout stays empty.
            var verdicts = new List<string>
            {
                tables is null
                    ? $"{graphFile.Name}: valid (structure only; pass --warehouse to check tables and types)"
                    : $"{graphFile.Name}: valid against {tables.Count} warehouse tables",
            };

            if (parse.GetValue(audience) is { } audienceFile)
            {
                var definition = await Inputs.ReadAudienceAsync(audienceFile, ct);
                var catalog = Inputs.Catalog(audienceFile, parse.GetValue(audiences));
                var result = await AudienceValidator.ValidateAsync(dataGraph, definition, catalog, Inputs.KeyOf(audienceFile), ct);
                if (!result.IsValid)
                {
                    throw Inputs.Invalid(audienceFile, result);
                }

                verdicts.Add($"{audienceFile.Name}: valid");
            }

            foreach (var verdict in verdicts)
            {
                await output.WriteLineAsync(verdict);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
