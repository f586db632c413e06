using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Lifecycle;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Validation;
using LinkedAudiences.Indexes;
using LinkedAudiences.Models;
using LinkedAudiences.Services;
using LinkedAudiences.Services.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.ContentManagement;
using YesSql;

namespace LinkedAudiences.Api;

/// <summary>The API's handlers; authorization and CSRF are checked before they run (<see cref="LinkedAudiencesApi"/>).</summary>
internal static class ApiHandlers
{
    private const int PreviewSampleSize = 10;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<IResult> ListGraphsAsync(HttpContext context)
    {
        var content = context.RequestServices.GetRequiredService<LinkedAudiencesContent>();
        var store = Store(context);
        var graphs = new List<object>();
        foreach (var key in await content.ListPublishedGraphKeysAsync())
        {
            if (await store.GetGraphAsync(key, null, context.RequestAborted) is { } graph)
            {
                graphs.Add(new { key = graph.Key, version = graph.Version, savedAt = graph.SavedAt });
            }
        }

        return Ok(graphs);
    }

    public static async Task<IResult> GetGraphAsync(HttpContext context)
    {
        var graph = await Store(context).GetGraphAsync(Route(context, "key"), null, context.RequestAborted);
        return graph is null
            ? NotFound($"There is no published data graph '{Route(context, "key")}'.")
            : Ok(new { key = graph.Key, version = graph.Version, savedAt = graph.SavedAt, graph = Node(graph.Graph) });
    }

    public static async Task<IResult> ListAudiencesAsync(HttpContext context)
    {
        var audiences = await Store(context).ListAudiencesAsync(context.RequestAborted);
        return Ok(audiences.Select(a => Summary(a)).ToList());
    }

    public static async Task<IResult> GetAudienceAsync(HttpContext context)
    {
        var audience = await FindAudienceAsync(context);
        return audience is null ? AudienceNotFound(context) : Ok(Summary(audience, withDefinition: true));
    }

    public static async Task<IResult> ValidateAsync(HttpContext context)
    {
        var (audience, graph, definition, error) = await ReadRequestAsync(context);
        if (error is not null)
        {
            return error;
        }

        var result = await AudienceValidator.ValidateAsync(graph!.Graph, definition!, new StoredAudienceCatalog(Store(context)), audience!.Key, context.RequestAborted);
        return Ok(new { valid = result.IsValid, errors = result.Errors.Select(e => new { path = e.Path, rule = e.Rule, message = e.Message }) });
    }

    public static async Task<IResult> PreviewAsync(HttpContext context)
    {
        var (audience, graph, definition, error) = await ReadRequestAsync(context);
        if (error is not null)
        {
            return error;
        }

        var connector = context.RequestServices.GetRequiredService<WarehouseConnector>();
        var settings = await connector.GetSettingsAsync();
        await using var warehouse = new LazyWarehouse(settings.WarehouseKind, connector.OpenAsync);
        var engine = new AudienceEngine(graph!.Graph, new StoredAudienceCatalog(Store(context)), StoredAudienceRunner.EngineOptionsFor(new AudienceRunnerOptions()));
        try
        {
            var asOf = context.RequestServices.GetRequiredService<TenantStateStore>().Time.GetUtcNow();
            var preview = await engine.PreviewAsync(warehouse, definition!, asOf, PreviewSampleSize, context.RequestAborted);
            return Ok(new { audienceKey = audience!.Key, preview.Count, preview.AsOf, preview.IsEntityTarget, preview.TargetEntity, preview.EntityCounts, sample = preview.Sample.Select(m => m.Key) });
        }
        catch (AudienceValidationException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The definition is invalid.", detail: e.Result.ToString());
        }
        catch (System.Data.Common.DbException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The warehouse failed.", detail: e.Message);
        }
    }

    public static async Task<IResult> RunAsync(HttpContext context)
    {
        var key = Route(context, "key");
        if (await Store(context).GetAudienceAsync(key, null, context.RequestAborted) is null)
        {
            return AudienceNotFound(context);
        }

        try
        {
            var result = await context.RequestServices.GetRequiredService<AudienceRuns>().RunNowAsync(key, context.RequestAborted);
            return Ok(new { outcome = result.Outcome, error = result.Error, run = result.Run is { } run ? Run(run) : null, state = result.State });
        }
        catch (AudienceLifecycleException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: e.Message, detail: e.Error.ToString());
        }
    }

    public static async Task<IResult> ListRunsAsync(HttpContext context)
    {
        var audience = await FindAudienceAsync(context);
        if (audience is null)
        {
            return AudienceNotFound(context);
        }

        var runs = await context.RequestServices.GetRequiredService<AudienceRuns>().ListRunsAsync(audience.Key, context.RequestAborted);
        return Ok(runs.Select(Run).ToList());
    }

    public static async Task<IResult> ListConsumersAsync(HttpContext context)
    {
        var store = Store(context);
        var audience = await FindAudienceAsync(context);
        if (audience is null)
        {
            return AudienceNotFound(context);
        }

        var consumers = AudienceConsumers.Find(await store.ListAudiencesAsync(context.RequestAborted), audience.Key);
        return Ok(consumers.Select(c => new { key = c.Key, name = c.Name, modes = c.Modes }).ToList());
    }

    public static Task<IResult> OpenApiAsync(HttpContext context) =>
        Task.FromResult(Results.Text(OpenApiDocument.Json(context.Request.PathBase), "application/json"));

    private static ContentAudienceStore Store(HttpContext context) => context.RequestServices.GetRequiredService<ContentAudienceStore>();

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? string.Empty;

    private static Task<StoredAudience?> FindAudienceAsync(HttpContext context) =>
        Store(context).GetAudienceAsync(Route(context, "key"), null, context.RequestAborted);

    /// <summary>The audience, its graph, and the definition to check: the JSON body, or the published definition when the body is empty.</summary>
    private static async Task<(StoredAudience? Audience, StoredGraph? Graph, AudienceDefinition? Definition, IResult? Error)> ReadRequestAsync(HttpContext context)
    {
        var audience = await FindAudienceAsync(context);
        if (audience is null)
        {
            return (null, null, null, AudienceNotFound(context));
        }

        var graph = await Store(context).GetGraphAsync(audience.Settings.GraphKey, null, context.RequestAborted);
        if (graph is null)
        {
            return (audience, null, null, NotFound($"The audience's data graph '{audience.Settings.GraphKey}' is not published."));
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(body))
        {
            return (audience, graph, audience.Definition, null);
        }

        var read = DefinitionReader.Read(body);
        return read.Value is { } definition
            ? (audience, graph, definition, null)
            : (audience, graph, null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not an audience definition.", detail: read.Validation.ToString()));
    }

    private static object Summary(StoredAudience audience, bool withDefinition = false) => new
    {
        key = audience.Key,
        name = audience.Settings.Name,
        version = audience.Version,
        graphKey = audience.Settings.GraphKey,
        schedule = audience.Settings.Schedule,
        state = audience.State,
        definition = withDefinition ? Node(audience.Definition) : null,
    };

    private static object Run(RunRecord run) => new
    {
        run.RunId,
        run.AudienceKey,
        run.DefinitionVersion,
        run.MembershipVersion,
        run.Trigger,
        run.Status,
        run.QueuedAt,
        run.StartedAt,
        run.FinishedAt,
        run.AsOf,
        durationSeconds = run.Duration?.TotalSeconds,
        run.Error,
        summary = run.Summary,
        timings = new
        {
            queueingSeconds = run.Timings.Queueing.TotalSeconds,
            extractingSeconds = run.Timings.Extracting.TotalSeconds,
            preparingSeconds = run.Timings.Preparing.TotalSeconds,
        },
    };

    private static JsonNode? Node<T>(T value) => JsonNode.Parse(Core.Serialization.LinkedAudiencesJson.Serialize(value, indented: false));

    private static IResult Ok(object value) => Results.Json(value, Json);

    private static IResult NotFound(string title) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: title);

    private static IResult AudienceNotFound(HttpContext context) => NotFound($"There is no published audience '{Route(context, "key")}'.");
}
