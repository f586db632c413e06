using System.Globalization;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Preview;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Validation;
using LinkedAudiences.Services;
using LinkedAudiences.Services.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinkedAudiences.Api;

/// <summary>
/// The builder's preview: a definition that need not be saved yet (the request body) evaluated against a published
/// data graph by the engine — count, sample, each sampled member's matched entities (ten per level, six levels), the
/// distinct matched entities per entity and the size of each condition group. An invalid definition answers 200 with
/// <c>valid: false</c> and the validator's errors (path, rule, message), which the builder puts next to its controls.
/// </summary>
internal static class BuilderPreviewHandlers
{
    public const int SampleSize = 10;

    /// <summary>POST graphs/{key}/preview[?audience=KEY][&amp;asOf=ISO-8601]; body: the definition JSON.</summary>
    public static async Task<IResult> PreviewAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var services = context.RequestServices;
        var store = services.GetRequiredService<ContentAudienceStore>();
        var graphKey = context.Request.RouteValues["key"] as string ?? string.Empty;
        var graph = await store.GetGraphAsync(graphKey, null, cancellationToken);
        if (graph is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no published data graph '{graphKey}'.");
        }

        if (!TryAsOf(context, services, out var asOf))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "asOf: give an ISO-8601 date and time, e.g. 2026-11-01T00:00:00Z.");
        }

        using var reader = new StreamReader(context.Request.Body);
        var read = DefinitionReader.Read(await reader.ReadToEndAsync(cancellationToken));
        if (read.Value is not { } definition)
        {
            return Invalid(read.Errors);
        }

        var audienceKey = context.Request.Query["audience"].ToString();
        var engine = new AudienceEngine(graph.Graph, new StoredAudienceCatalog(store), StoredAudienceRunner.EngineOptionsFor(new AudienceRunnerOptions()));
        var validation = await engine.ValidateAsync(definition, string.IsNullOrWhiteSpace(audienceKey) ? null : audienceKey, cancellationToken);
        if (!validation.IsValid)
        {
            return Invalid(validation.Errors);
        }

        var connector = services.GetRequiredService<WarehouseConnector>();
        var settings = await connector.GetSettingsAsync();
        await using var warehouse = new LazyWarehouse(settings.WarehouseKind, connector.OpenAsync);
        try
        {
            var preview = await engine.PreviewAsync(warehouse, definition, asOf, SampleSize, cancellationToken);
            var groups = await GroupSizesAsync(engine, warehouse, definition, preview.Count, asOf, cancellationToken);
            return Results.Json(
                new
                {
                    valid = true,
                    graphKey = graph.Key,
                    count = preview.Count,
                    asOf = preview.AsOf,
                    isEntityTarget = preview.IsEntityTarget,
                    targetEntity = preview.TargetEntity,
                    entityCounts = preview.EntityCounts,
                    groups,
                    sample = preview.Sample.Select(m => new { key = m.Key, entities = m.Entities.Select(Node), moreEntities = m.MoreEntities }),
                    sampleSize = SampleSize,
                    entitiesPerLevel = MatchedEntityTree.EntitiesPerLevel,
                    maxDepth = MatchedEntityTree.MaxDepth,
                },
                ApiHandlers.Json);
        }
        catch (System.Data.Common.DbException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The warehouse failed.", detail: e.Message);
        }
    }

    /// <summary>
    /// Each group evaluated alone, as the builder labels it ("Condition group 2: 1,204 profiles"). With one group
    /// that is the audience's count, so no second query runs.
    /// </summary>
    private static async Task<IReadOnlyList<long>> GroupSizesAsync(
        AudienceEngine engine,
        LazyWarehouse warehouse,
        AudienceDefinition definition,
        long count,
        DateTimeOffset asOf,
        CancellationToken cancellationToken)
    {
        if (definition.Groups.Count <= 1)
        {
            return definition.Groups.Count == 1 ? [count] : [];
        }

        var sizes = new List<long>();
        foreach (var group in definition.Groups)
        {
            var compiled = await engine.CompileAsync(definition with { Groups = [group] }, warehouse.Dialect, asOf, cancellationToken);
            long size = 0;
            await foreach (var row in warehouse.QueryAsync(compiled.Count, cancellationToken))
            {
                size = Convert.ToInt64(row[0], CultureInfo.InvariantCulture);
            }

            sizes.Add(size);
        }

        return sizes;
    }

    private static object Node(MatchedEntityNode node) => new
    {
        branch = node.Branch,
        entity = node.Entity,
        key = node.Key,
        depth = node.Depth,
        children = node.Children.Select(Node),
        moreChildren = node.MoreChildren,
    };

    private static IResult Invalid(IEnumerable<ValidationError> errors) => Results.Json(
        new { valid = false, errors = errors.Select(e => new { path = e.Path, rule = e.Rule, message = e.Message }) },
        ApiHandlers.Json);

    /// <summary>The evaluation time: <c>asOf</c> when given (to compare with a CLI run at the same instant), else now.</summary>
    private static bool TryAsOf(HttpContext context, IServiceProvider services, out DateTimeOffset asOf)
    {
        var text = context.Request.Query["asOf"].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            asOf = services.GetRequiredService<TenantStateStore>().Time.GetUtcNow();
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out asOf))
        {
            return true;
        }

        return false;
    }
}
