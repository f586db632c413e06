using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Models;
using LinkedAudiences.Services;
using LinkedAudiences.Services.Activations;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.ContentManagement;
using YesSql;

namespace LinkedAudiences.Api;

/// <summary>
/// Activations over the API: list, get, create, update (a new published version), delete, a test event and the
/// delivery overview. Input problems answer 400 with each field, rule and message; secrets go in, never out.
/// </summary>
internal static class ActivationApiHandlers
{
    private static readonly JsonSerializerOptions Input = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var items = await context.RequestServices.GetRequiredService<YesSql.ISession>()
            .Query<ContentItem, Indexes.ActivationIndex>(x => x.Published)
            .ListAsync(context.RequestAborted);
        return Ok(items.Select(Describe).ToList());
    }

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var item = await PublishedAsync(context);
        return item is null ? NotFound(context) : Ok(Describe(item));
    }

    public static async Task<IResult> CreateAsync(HttpContext context)
    {
        var (input, error) = await ReadAsync<ActivationInput>(context);
        if (input is null)
        {
            return error!;
        }

        var contents = context.RequestServices.GetRequiredService<IContentManager>();
        var item = await contents.NewAsync(ContentTypes.Activation);
        var part = item.GetOrCreate<ActivationPart>();
        input.Apply(part, Secrets(context));
        item.Apply(part);
        SetTitle(item, input.Title);
        if (await ProblemsAsync(context, item) is { } refused)
        {
            return refused;
        }

        await contents.CreateAsync(item, VersionOptions.Draft);
        await contents.PublishAsync(item);
        return Results.Json(Describe(item), ApiHandlers.Json, statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> UpdateAsync(HttpContext context)
    {
        var latest = await PublishedAsync(context);
        if (latest is null)
        {
            return NotFound(context);
        }

        var (input, error) = await ReadAsync<ActivationInput>(context);
        if (input is null)
        {
            return error!;
        }

        // Checked on a probe first: a refused update must leave no draft behind.
        var contents = context.RequestServices.GetRequiredService<IContentManager>();
        var part = latest.GetOrCreate<ActivationPart>();
        input.Apply(part, Secrets(context));
        var probe = await contents.NewAsync(ContentTypes.Activation);
        probe.ContentItemId = latest.ContentItemId;
        probe.Apply(part);
        if (await ProblemsAsync(context, probe) is { } refused)
        {
            return refused;
        }

        var draft = await contents.GetAsync(latest.ContentItemId, VersionOptions.DraftRequired);
        draft!.Apply(part);
        SetTitle(draft, input.Title ?? latest.DisplayText);
        await contents.UpdateAsync(draft);
        await contents.PublishAsync(draft);
        return Ok(Describe(draft));
    }

    public static async Task<IResult> DeleteAsync(HttpContext context)
    {
        var item = await PublishedAsync(context);
        if (item is null)
        {
            return NotFound(context);
        }

        // Its delivery state goes after the request commits (ActivationDeliveryStateHandler).
        await context.RequestServices.GetRequiredService<IContentManager>().RemoveAsync(item);
        return Results.NoContent();
    }

    public static async Task<IResult> TestEventAsync(HttpContext context)
    {
        var item = await PublishedAsync(context);
        if (item is null)
        {
            return NotFound(context);
        }

        var (input, error) = await ReadAsync<TestEventInput>(context);
        if (input is null)
        {
            return error!;
        }

        if (string.IsNullOrWhiteSpace(input.UserId))
        {
            return BadRequest([new ActivationProblem("userId", "required", "Give the user id (profile key) to send the test event for.")]);
        }

        if (ActivationMapper.ToActivation(item) is not { } activation)
        {
            return BadRequest([new ActivationProblem(nameof(ActivationPart.DestinationKind), "not-deliverable", "This activation's destination is not delivered over the network.")]);
        }

        var result = await context.RequestServices.GetRequiredService<ActivationDelivery>().SendTestEventAsync(activation, input.UserId.Trim(), context.RequestAborted);
        var exchange = result.Exchange;
        return Ok(new
        {
            delivered = exchange?.Outcome == DeliveryOutcome.Delivered,
            outcome = exchange?.Outcome,
            error = result.Error,
            sent = exchange is null ? null : new { method = exchange.Request.Method, target = exchange.Request.Target, headers = Headers(exchange.Request.Headers), body = exchange.Request.Body },
            received = exchange?.Response is { } response ? new { status = response.Status, headers = Headers(response.Headers), body = response.Body } : null,
        });
    }

    public static async Task<IResult> OverviewAsync(HttpContext context)
    {
        var item = await PublishedAsync(context);
        if (item is null)
        {
            return NotFound(context);
        }

        var delivery = context.RequestServices.GetRequiredService<ActivationDelivery>();
        var problems = new List<ActivationProblem>();
        var to = Time(context, "to", problems) ?? delivery.Time.GetUtcNow();
        var from = Time(context, "from", problems) ?? to.AddDays(-1);
        var bucketText = context.Request.Query["bucketMinutes"].ToString();
        var bucket = TimeSpan.FromHours(1);
        if (bucketText.Length > 0)
        {
            if (int.TryParse(bucketText, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes > 0)
            {
                bucket = TimeSpan.FromMinutes(minutes);
            }
            else
            {
                problems.Add(new("bucketMinutes", "invalid-number", "bucketMinutes must be a positive whole number of minutes."));
            }
        }

        if (problems.Count == 0 && from >= to)
        {
            problems.Add(new("from", "invalid-range", "from must be before to."));
        }

        if (problems.Count == 0 && (to - from) / bucket > 10_000)
        {
            problems.Add(new("bucketMinutes", "too-many-buckets", "The range holds more than 10000 buckets: choose a larger bucket."));
        }

        if (problems.Count > 0)
        {
            return BadRequest(problems);
        }

        var overview = await delivery.OverviewAsync(item.ContentItemId, from, to, bucket, context.RequestAborted);
        return Ok(new
        {
            activationId = overview.ActivationKey,
            overview.From,
            overview.To,
            bucketMinutes = overview.Bucket.TotalMinutes,
            kinds = overview.Kinds.Select(k => new
            {
                kind = k.Kind,
                totals = k.Totals,
                filtered = k.Filtered,
                lastError = k.LastError,
                buckets = k.Buckets,
            }),
        });
    }

    /// <summary>What the API shows of an activation: everything but secrets, of which only their presence.</summary>
    internal static object Describe(ContentItem item)
    {
        var part = item.GetOrCreate<ActivationPart>();
        var d = part.Destination ?? new ActivationDestination();
        var activation = ActivationMapper.ToActivation(item);
        return new
        {
            id = item.ContentItemId,
            title = item.DisplayText,
            audienceKey = part.AudienceKey,
            trigger = part.Trigger,
            triggerEntity = part.TriggerEntity,
            action = part.Action,
            effectiveAction = activation?.EffectiveAction,
            identifierTrait = part.IdentifierTrait,
            enrichmentTraits = part.EnrichmentTraits,
            enrichmentEntities = part.EnrichmentEntities.Select(e => new { entity = e.Entity, columns = e.Columns }),
            mapping = part.Mapping,
            sendExistingMembers = part.SendExistingMembers,
            destinationKind = part.DestinationKind,
            destination = new
            {
                url = activation?.Destination.Url ?? d.Url,
                headers = d.Headers,
                secretHeaders = d.ProtectedHeaders.Keys.Order(StringComparer.OrdinalIgnoreCase).ToList(),
                hasSecret = d.ProtectedSecret is not null,
                signatureHeader = activation?.Destination.SignatureHeader ?? d.SignatureHeader,
                source = d.Source,
                schema = d.Schema,
                table = d.Table,
                delivery = activation is null ? null : new
                {
                    activation.Destination.Delivery.BatchSize,
                    activation.Destination.Delivery.MaxConcurrency,
                    activation.Destination.Delivery.RatePerSecond,
                    activation.Destination.Delivery.MaxAttempts,
                    initialBackoffSeconds = activation.Destination.Delivery.InitialBackoff.TotalSeconds,
                    maxBackoffSeconds = activation.Destination.Delivery.MaxBackoff.TotalSeconds,
                    timeoutSeconds = activation.Destination.Delivery.Timeout.TotalSeconds,
                },
            },
            enabled = part.Enabled,
            disabledReason = part.DisabledReason,
            startsAt = activation?.StartsAt,
        };
    }

    private static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpContext context)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Input, context.RequestAborted);
            return value is null ? (null, BadRequest([new ActivationProblem("$", "required", "Send a JSON object.")])) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, BadRequest([new ActivationProblem(e.Path ?? "$", "invalid-json", e.Message)]));
        }
    }

    private static async Task<IResult?> ProblemsAsync(HttpContext context, ContentItem item)
    {
        var problems = await context.RequestServices.GetRequiredService<ActivationChecks>().ProblemsAsync(item);
        return problems.Count == 0 ? null : BadRequest(problems);
    }

    private static IResult BadRequest(IEnumerable<ActivationProblem> problems) => Results.Json(
        new
        {
            status = StatusCodes.Status400BadRequest,
            title = "The activation is invalid.",
            errors = problems.Select(p => new { field = Camel(p.Field), rule = p.Rule, message = p.Message }),
        },
        ApiHandlers.Json,
        contentType: "application/problem+json",
        statusCode: StatusCodes.Status400BadRequest);

    private static DateTimeOffset? Time(HttpContext context, string name, List<ActivationProblem> problems)
    {
        var text = context.Request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        problems.Add(new(name, "invalid-time", $"{name} must be an ISO 8601 time."));
        return null;
    }

    private static Task<ContentItem?> PublishedAsync(HttpContext context)
    {
        var id = context.Request.RouteValues["id"] as string ?? string.Empty;
        return context.RequestServices.GetRequiredService<YesSql.ISession>()
            .Query<ContentItem, Indexes.ActivationIndex>(x => x.ContentItemId == id && x.Published)
            .FirstOrDefaultAsync(context.RequestAborted)!;
    }

    private static void SetTitle(ContentItem item, string? title)
    {
        if (title is null)
        {
            return;
        }

        item.DisplayText = title;
        item.Alter<TitleValue>("TitlePart", t => t.Title = title);
    }

    private static Dictionary<string, string> Headers(IReadOnlyList<KeyValuePair<string, string>> headers) =>
        headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(h => h.Value)), StringComparer.OrdinalIgnoreCase);

    private static ISecretProtector Secrets(HttpContext context) => context.RequestServices.GetRequiredService<ISecretProtector>();

    private static string Camel(string field) => field.Length == 0 || char.IsLower(field[0]) ? field : char.ToLowerInvariant(field[0]) + field[1..];

    private static IResult Ok(object value) => Results.Json(value, ApiHandlers.Json);

    private static IResult NotFound(HttpContext context) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no published activation '{context.Request.RouteValues["id"]}'.");

    /// <summary>The title part's stored shape (the module does not reference OrchardCore.Title).</summary>
    private sealed class TitleValue : ContentPart
    {
        public string? Title { get; set; }
    }

    private sealed record TestEventInput(string? UserId);
}
