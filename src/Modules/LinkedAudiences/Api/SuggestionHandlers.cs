using System.Globalization;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Suggestions;
using LinkedAudiences.Services;
using LinkedAudiences.Services.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinkedAudiences.Api;

/// <summary>
/// The builder's value suggestions from the warehouse (seeds): the first 500 distinct values of a STRING entity column,
/// the 65 most frequent values of an event property or context key, or of a profile trait. The queries are the
/// engine's (<see cref="SuggestionCompiler"/>), bounded in what they read and return, compiled for the site's dialect.
/// </summary>
internal static class SuggestionHandlers
{
    /// <summary>GET graphs/{key}/suggestions?entity=E&amp;column=C | ?event=NAME&amp;property=P | ?trait=T.</summary>
    public static async Task<IResult> SuggestAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var services = context.RequestServices;
        var graphKey = context.Request.RouteValues["key"] as string ?? string.Empty;
        var graph = await services.GetRequiredService<ContentAudienceStore>().GetGraphAsync(graphKey, null, cancellationToken);
        if (graph is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no published data graph '{graphKey}'.");
        }

        var connector = services.GetRequiredService<WarehouseConnector>();
        var settings = await connector.GetSettingsAsync();
        await using var warehouse = new LazyWarehouse(settings.WarehouseKind, connector.OpenAsync);
        var compiler = new SuggestionCompiler(warehouse.Dialect);
        var query = context.Request.Query;
        string? Get(string name) => string.IsNullOrEmpty(query[name]) ? null : query[name].ToString();

        SqlQuery sql;
        string kind;
        try
        {
            (kind, sql) = (Get("entity"), Get("column"), Get("event"), Get("property"), Get("trait")) switch
            {
                ({ } e, { } c, null, null, null) => ("entity", compiler.EntityColumnValues(graph.Graph, e, c)),
                (null, null, { } ev, { } p, null) => ("event", compiler.EventPropertyValues(graph.Graph, ev, p)),
                (null, null, null, null, { } t) => ("trait", compiler.TraitValues(graph.Graph, t)),
                _ => throw new InvalidOperationException("Give exactly one of entity with column, event with property, or trait."),
            };
        }
        catch (InvalidOperationException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: e.Message);
        }

        var values = new List<object>();
        try
        {
            await foreach (var row in warehouse.QueryAsync(sql, cancellationToken))
            {
                values.Add(row.Length > 1
                    ? new { value = Text(row[0]), occurrences = Convert.ToInt64(row[1], CultureInfo.InvariantCulture) }
                    : new { value = Text(row[0]) });
            }
        }
        catch (System.Data.Common.DbException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The warehouse failed.", detail: e.Message);
        }

        return Results.Json(new { kind, values }, ApiHandlers.Json);
    }

    /// <summary>A value as the builder's inputs hold it (the definition's constant format: ISO dates and times, invariant numbers).</summary>
    internal static string? Text(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        double f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
