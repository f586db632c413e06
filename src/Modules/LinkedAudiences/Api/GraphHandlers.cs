using System.Text;
using LinkedAudiences.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinkedAudiences.Api;

/// <summary>Checks a data graph before it is published: the body is the graph's JSON, the answer the engine's messages by path.</summary>
internal static class GraphHandlers
{
    private const int MaxGraphBytes = 1024 * 1024;

    public static async Task<IResult> ValidateAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxGraphBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The graph must be at most {MaxGraphBytes} bytes.");
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var json = await reader.ReadToEndAsync(context.RequestAborted);
        var check = await context.RequestServices.GetRequiredService<DataGraphChecks>().CheckGraphAsync(json, context.RequestAborted);
        var errors = check.Errors.Select(e => new { path = e.Path, rule = e.Rule, message = e.Message }).ToList();
        if (check.WarehouseMessage is not null)
        {
            errors.Add(new { path = "$", rule = "warehouse-unavailable", message = check.WarehouseMessage });
        }

        return Results.Json(new { valid = check.IsValid, checkedAgainstWarehouse = check.CheckedAgainstWarehouse, errors }, ApiHandlers.Json);
    }
}
