using System.CommandLine;
using System.Globalization;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Suggestions;

namespace LinkedAudiences.Cli.Commands;

/// <summary>suggest: the builder's value drop-downs — 500 values of a STRING entity column, top 65 of an event property or a trait.</summary>
internal static class SuggestCommand
{
    public static Command Create()
    {
        var graph = CommonOptions.Graph();
        var warehouse = CommonOptions.Warehouse();
        var entity = new Option<string?>("--entity") { Description = "An entity of the graph (with --column)." };
        var column = new Option<string?>("--column") { Description = "A STRING column of --entity." };
        var eventName = new Option<string?>("--event") { Description = "An event name (with --property)." };
        var property = new Option<string?>("--property") { Description = "An event property, or a context key as context.KEY." };
        var trait = new Option<string?>("--trait") { Description = "A profile trait (nested ones by their dotted name)." };
        var limit = new Option<int?>("--limit") { Description = "How many values (default 500 for entity columns, 65 otherwise)." };

        var command = new Command("suggest", "List values the builder suggests for an entity column, an event property or a trait.")
        {
            graph, warehouse, entity, column, eventName, property, trait, limit,
        };

        command.SetAsyncAction(async (parse, output, ct) =>
        {
            var dataGraph = await Inputs.ReadGraphAsync(parse.GetValue(graph)!, ct);
            await using var connection = await Warehouses.OpenAsync(parse.GetValue(warehouse)!, ct);
            var compiler = new SuggestionCompiler(connection.Dialect);
            var n = parse.GetValue(limit);
            if (n is <= 0 or > 10_000)
            {
                throw new CliException(ExitCodes.Usage, "--limit: must be between 1 and 10000.");
            }

            SqlQuery query;
            try
            {
                query = (parse.GetValue(entity), parse.GetValue(column), parse.GetValue(eventName), parse.GetValue(property), parse.GetValue(trait)) switch
                {
                    ({ } e, { } c, null, null, null) => compiler.EntityColumnValues(dataGraph, e, c, n ?? SuggestionCompiler.DefaultEntityValueLimit),
                    (null, null, { } ev, { } p, null) => compiler.EventPropertyValues(dataGraph, ev, p, n ?? SuggestionCompiler.DefaultTopValueLimit),
                    (null, null, null, null, { } t) => compiler.TraitValues(dataGraph, t, n ?? SuggestionCompiler.DefaultTopValueLimit),
                    _ => throw new CliException(ExitCodes.Usage, "suggest: give exactly one of --entity with --column, --event with --property, or --trait."),
                };
            }
            catch (InvalidOperationException e)
            {
                throw new CliException(ExitCodes.Usage, "suggest: " + e.Message);
            }

            await foreach (var row in connection.QueryAsync(query, ct))
            {
                var value = Convert.ToString(row[0], CultureInfo.InvariantCulture);
                await output.WriteLineAsync(row.Length > 1 ? string.Create(CultureInfo.InvariantCulture, $"{value}\t{row[1]}") : value);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
