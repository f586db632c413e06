using System.CommandLine;
using System.Globalization;
using LinkedAudiences.Core.Engine;

namespace LinkedAudiences.Cli.Commands;

/// <summary>compile: print the SQL of each query of a definition for one dialect, with its parameters.</summary>
internal static class CompileCommand
{
    public static Command Create(TimeProvider time)
    {
        var graph = CommonOptions.Graph();
        var audience = CommonOptions.Audience();
        var audiences = CommonOptions.Audiences();
        var asOf = CommonOptions.AsOf();
        var dialect = new Option<string>("--dialect")
        {
            Description = "duckdb, postgres or snowflake.",
            DefaultValueFactory = _ => "duckdb",
        };
        dialect.AcceptOnlyFromAmong("duckdb", "postgres", "snowflake");
        var query = new Option<string>("--query")
        {
            Description = "Which query: members, count or matched (matched entities).",
            DefaultValueFactory = _ => "members",
        };
        query.AcceptOnlyFromAmong("members", "count", "matched");

        var command = new Command("compile", "Compile a definition to SQL for a dialect (nothing runs).")
        {
            graph, audience, audiences, asOf, dialect, query,
        };

        command.SetAsyncAction(async (parse, output, ct) =>
        {
            var audienceFile = parse.GetValue(audience)!;
            var engine = new AudienceEngine(
                await Inputs.ReadGraphAsync(parse.GetValue(graph)!, ct),
                Inputs.Catalog(audienceFile, parse.GetValue(audiences)));
            var definition = await Inputs.ReadAudienceAsync(audienceFile, ct);
            var when = CommandRunner.ParseAsOf(parse.GetValue(asOf), time);

            var compiled = await engine.CompileOrExplainAsync(audienceFile, definition, Warehouses.Dialect(parse.GetValue(dialect)!), when, ct);
            var sql = parse.GetValue(query) switch
            {
                "count" => compiled.Count,
                "matched" => compiled.MatchedEntities,
                _ => compiled.Members,
            };

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"-- as of {when:O}"));
            for (var i = 0; i < sql.Parameters.Count; i++)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"-- {i + 1}: {Format(sql.Parameters[i].Value)}"));
            }

            await output.WriteLineAsync(sql.Sql);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Format(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + s + "'",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
