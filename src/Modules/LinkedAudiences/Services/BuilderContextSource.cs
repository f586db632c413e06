using System.Text.Json;
using System.Text.Json.Nodes;
using LinkedAudiences.Api;
using LinkedAudiences.Models;
using Microsoft.AspNetCore.Http;
using OrchardCore.ContentManagement;

namespace LinkedAudiences.Services;

/// <summary>
/// What the audience builder needs to offer choices without an API round trip: every published data graph (by key)
/// and the keys of the other audiences, as one JSON document the editor embeds in the page; also where the tenant's
/// JSON API is, for the preview and the value suggestions (the builder sends the page's anti-forgery token with POSTs).
/// </summary>
public sealed class BuilderContextSource(LinkedAudiencesContent content, IHttpContextAccessor httpContextAccessor)
{
    public async Task<string> BuildAsync(string? contentItemId)
    {
        var graphs = new JsonObject();
        foreach (var key in await content.ListPublishedGraphKeysAsync())
        {
            var json = (await content.FindPublishedGraphAsync(key))?.GetOrCreate<DataGraphPart>().Graph;
            if (Parse(json) is JsonObject graph)
            {
                graphs[key] = graph;
            }
        }

        var audiences = new JsonArray();
        foreach (var item in await content.ListAudiencesAsync(contentItemId ?? string.Empty))
        {
            var key = LinkedAudiencesContent.KeyOf(item);
            if (!string.IsNullOrEmpty(key))
            {
                audiences.Add(new JsonObject { ["key"] = key, ["title"] = item.DisplayText ?? key });
            }
        }

        // The default encoder escapes '<' and '>', so the document cannot close the <script> element it is rendered in.
        var pathBase = httpContextAccessor.HttpContext?.Request.PathBase.Value ?? string.Empty;
        return new JsonObject
        {
            ["graphs"] = graphs,
            ["audiences"] = audiences,
            ["api"] = pathBase.TrimEnd('/') + "/" + LinkedAudiencesApi.Prefix,
        }.ToJsonString();
    }

    private static JsonNode? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            // An unreadable graph is never published; if one is, the builder simply cannot offer it.
            return null;
        }
    }
}
