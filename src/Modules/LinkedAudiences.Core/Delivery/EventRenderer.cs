using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Templates;

namespace LinkedAudiences.Core.Delivery;

/// <summary>
/// Turns an outbox event into what an activation sends: the user id by the identifier strategy, the enrichment values
/// (track: into properties, entity rows under "_entity_context"; identify: into traits), then the mapping template
/// if there is one. The result always carries the event's messageId. Problems (a template error, a mapping that is not
/// a JSON object) come back as an error for the event, never as an exception.
/// </summary>
public sealed class EventRenderer(ITemplateRenderer templates, IEnrichmentSource? enrichment = null)
{
    public const string EntityContext = "_entity_context";

    public async Task<RenderedEvent> RenderAsync(Activation activation, AudienceEvent audienceEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(audienceEvent);
        var payload = JsonNode.Parse(audienceEvent.Payload)!.AsObject();
        var values = await ValuesAsync(activation, audienceEvent, cancellationToken);
        var userId = UserId(activation.Identifier, audienceEvent, values);
        payload["userId"] = userId;
        var type = (string?)payload["type"] ?? ActivationTriggers.EventType(activation.Trigger);
        Enrich(payload, type, activation.Enrichment, values);

        if (activation.Mapping is { } mapping)
        {
            var model = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["event"] = TemplateModels.FromJson(JsonSerializer.SerializeToElement(payload)),
                ["traits"] = values.Traits.ToDictionary(t => t.Name, t => Plain(t.Value), StringComparer.Ordinal),
                ["entities"] = values.Entities.ToDictionary(e => e.Entity, e => (object?)e.Rows.Select(Row).ToList(), StringComparer.Ordinal),
                ["activation"] = new Dictionary<string, object?> { ["key"] = activation.Key, ["audience_key"] = activation.AudienceKey, ["trigger"] = activation.Trigger.ToString() },
            };
            var rendered = await templates.RenderAsync(mapping, model, cancellationToken);
            if (rendered.Error is { } error)
            {
                return RenderedEvent.Failed("The mapping template failed: " + error);
            }

            JsonObject? mapped;
            try
            {
                mapped = JsonNode.Parse(rendered.Output!) as JsonObject;
            }
            catch (JsonException e)
            {
                return RenderedEvent.Failed("The mapping template did not produce JSON: " + e.Message);
            }

            if (mapped is null)
            {
                return RenderedEvent.Failed("The mapping template must produce a JSON object.");
            }

            payload = mapped;
        }

        payload["messageId"] = audienceEvent.MessageId;
        var json = payload.ToJsonString();
        return RenderedEvent.Ok(new OutgoingEvent(audienceEvent.MessageId, audienceEvent.Kind, audienceEvent.AudienceKey, type, userId, audienceEvent.Timestamp, json));
    }

    private async Task<EnrichmentValues> ValuesAsync(Activation activation, AudienceEvent audienceEvent, CancellationToken cancellationToken)
    {
        var traits = activation.Enrichment.Traits.ToList();
        if (activation.Identifier is { Source: IdentifierSource.Trait, Trait: { } trait } && !traits.Contains(trait, StringComparer.Ordinal))
        {
            traits.Add(trait);
        }

        var entities = activation.Enrichment.Entities.Where(e => e.Columns.Count > 0).ToList();
        if (enrichment is null || (traits.Count == 0 && entities.Count == 0))
        {
            return EnrichmentValues.Empty;
        }

        return await enrichment.ReadAsync(audienceEvent, traits, entities, cancellationToken);
    }

    private static string UserId(IdentifierStrategy identifier, AudienceEvent audienceEvent, EnrichmentValues values)
    {
        if (identifier is { Source: IdentifierSource.Trait, Trait: { } trait }
            && values.Traits.FirstOrDefault(t => string.Equals(t.Name, trait, StringComparison.Ordinal))?.Value is { } value)
        {
            return Convert.ToString(value, CultureInfo.InvariantCulture) ?? audienceEvent.ProfileKey;
        }

        return audienceEvent.ProfileKey;
    }

    private static void Enrich(JsonObject payload, string type, ActivationEnrichment wanted, EnrichmentValues values)
    {
        if (values.Traits.Count == 0 && values.Entities.Count == 0)
        {
            return;
        }

        var identify = string.Equals(type, ActivationTriggers.Identify, StringComparison.Ordinal);
        var target = payload[identify ? "traits" : "properties"] as JsonObject ?? [];
        payload[identify ? "traits" : "properties"] = target;
        foreach (var trait in values.Traits.Where(t => wanted.Traits.Contains(t.Name, StringComparer.Ordinal)))
        {
            target.TryAdd(trait.Name, Node(trait.Value));
        }

        var entities = identify ? target : new JsonObject();
        foreach (var entity in values.Entities)
        {
            entities.TryAdd(entity.Entity, new JsonArray([.. entity.Rows.Select(r => (JsonNode?)RowNode(r))]));
        }

        if (!identify && entities.Count > 0)
        {
            target.TryAdd(EntityContext, entities);
        }
    }

    private static JsonObject RowNode(EntityValueRow row)
    {
        var node = new JsonObject { ["entity_key"] = row.Key };
        foreach (var column in row.Columns)
        {
            node.TryAdd(column.Name, Node(column.Value));
        }

        return node;
    }

    private static Dictionary<string, object?> Row(EntityValueRow row)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal) { ["entity_key"] = row.Key };
        foreach (var column in row.Columns)
        {
            values[column.Name] = Plain(column.Value);
        }

        return values;
    }

    /// <summary>A warehouse value as JSON: the same forms the event payloads use.</summary>
    private static JsonNode? Node(object? value) => JsonNode.Parse(JsonValueText(value));

    private static object? Plain(object? value)
    {
        using var document = JsonDocument.Parse(JsonValueText(value));
        return TemplateModels.FromJson(document.RootElement);
    }

    private static string JsonValueText(object? value)
    {
        // The payload writer's forms, so enrichment values look exactly like those of "values changed" events.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            EventPayloads.WriteValue(writer, value);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

/// <summary>An event ready to send, or why it cannot be sent.</summary>
public sealed record RenderedEvent(OutgoingEvent? Event, string? Error)
{
    public static RenderedEvent Ok(OutgoingEvent e) => new(e, null);

    public static RenderedEvent Failed(string error) => new(null, error);
}
