using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LinkedAudiences.Api;

/// <summary>The API's OpenAPI 3.0 document, generated from <see cref="LinkedAudiencesApi.Endpoints"/> (so it cannot drift from the routes).</summary>
internal static class OpenApiDocument
{
    public static string Json(PathString pathBase)
    {
        var paths = new JsonObject();
        foreach (var group in LinkedAudiencesApi.Endpoints.GroupBy(e => e.Path, StringComparer.Ordinal))
        {
            var item = new JsonObject();
            foreach (var endpoint in group)
            {
                item[endpoint.Method.ToLowerInvariant()] = Operation(endpoint);
            }

            paths["/" + LinkedAudiencesApi.Prefix + "/" + group.Key] = item;
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "Linked Audiences",
                ["version"] = "1",
                ["description"] =
                    "Data graphs, linked audiences and activations of this Orchard tenant. Authenticated by the admin's sign-in " +
                    "cookie; each operation names the permission it needs (x-permission). POSTs need the anti-forgery token of an " +
                    "admin page in the RequestVerificationToken header.",
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = pathBase.HasValue ? pathBase.Value : "/" }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["cookie"] = new JsonObject { ["type"] = "apiKey", ["in"] = "cookie", ["name"] = "orchauth_Default" },
                    ["antiforgery"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "RequestVerificationToken" },
                },
            },
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Operation(ApiEndpoint endpoint)
    {
        var parameters = new JsonArray();
        foreach (var name in RouteParameters(endpoint.Path))
        {
            parameters.Add(new JsonObject
            {
                ["name"] = name,
                ["in"] = "path",
                ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = "string" },
            });
        }

        var responses = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK (JSON)" } };
        if (endpoint.Permission is not null)
        {
            responses["401"] = new JsonObject { ["description"] = "Not signed in" };
            responses["403"] = new JsonObject { ["description"] = "Signed in without " + endpoint.Permission.Name };
        }

        if (endpoint.Path.Contains('{', StringComparison.Ordinal))
        {
            responses["404"] = new JsonObject { ["description"] = "No such published item" };
        }

        if (endpoint.Mutating)
        {
            responses["400"] = new JsonObject { ["description"] = "Missing or invalid anti-forgery token, or an unreadable body" };
        }

        var operation = new JsonObject
        {
            ["summary"] = endpoint.Summary,
            ["operationId"] = endpoint.Method.ToLowerInvariant() + "_" + endpoint.Path.Replace("/", "_", StringComparison.Ordinal).Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal).Replace(".", "_", StringComparison.Ordinal),
            ["parameters"] = parameters,
            ["responses"] = responses,
        };
        if (endpoint.Permission is not null)
        {
            operation["x-permission"] = endpoint.Permission.Name;
            var security = new JsonObject { ["cookie"] = new JsonArray() };
            if (endpoint.Mutating)
            {
                security["antiforgery"] = new JsonArray();
            }

            operation["security"] = new JsonArray(security);
        }
        else
        {
            operation["security"] = new JsonArray();
        }

        if (endpoint.Method == "DELETE")
        {
            responses.Remove("200");
            responses["204"] = new JsonObject { ["description"] = "Deleted" };
        }
        else if (endpoint.Method == "POST" && endpoint.Path == "activations")
        {
            responses.Remove("200");
            responses["201"] = new JsonObject { ["description"] = "Created (JSON)" };
        }

        if (endpoint.Path.EndsWith("/overview", StringComparison.Ordinal))
        {
            responses["400"] = new JsonObject { ["description"] = "Invalid query: errors[] with field, rule and message" };
        }

        if (endpoint.Body is { } body)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["description"] = body,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } } },
            };
            responses["400"] = new JsonObject { ["description"] = "Invalid input: errors[] with field, rule and message (or a missing anti-forgery token)" };
        }
        else if (endpoint.Method == "POST" && (endpoint.Path.EndsWith("/validate", StringComparison.Ordinal) || endpoint.Path.EndsWith("/preview", StringComparison.Ordinal)))
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = false,
                ["description"] = "An audience definition (docs/schema); empty for the published one.",
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } } },
            };
        }

        return operation;
    }

    private static IEnumerable<string> RouteParameters(string path) =>
        path.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1]);
}
