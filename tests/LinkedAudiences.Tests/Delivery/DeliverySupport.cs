using System.Net;
using System.Text.Json.Nodes;
using LinkedAudiences.BackgroundTasks;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Tests.Runs;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.BackgroundTasks;

namespace LinkedAudiences.Tests.Delivery;

/// <summary>Audiences and activations set up through the admin and the API, runs, and the delivery task run in the tenant.</summary>
internal static class DeliverySupport
{
    public const string Api = "/api/linked-audiences/";
    public const string TokenPage = "/Admin/LinkedAudiences/Runs/Index";

    /// <summary>Profiles with at least one active account (entity events are about account rows).</summary>
    public const string ActiveAccounts = """
        {
          "schemaVersion": 1,
          "target": { "type": "profile" },
          "groups": [
            {
              "conditions": [
                {
                  "kind": "entity",
                  "entity": "account",
                  "where": { "operator": "and", "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] }
                }
              ]
            }
          ]
        }
        """;

    /// <summary>Publishes a (disabled) audience on the demo graph through the admin editor.</summary>
    public static async Task<string> CreateAudienceAsync(this AdminSession admin, string key, string definition)
    {
        var created = await admin.SubmitAsync(AdminForms.CreatePath(Models.ContentTypes.LinkedAudience), AdminForms.Audience(key, key, definition));
        Assert.True(created.Status == HttpStatusCode.Redirect, $"The audience {key} was not published: {string.Join(" | ", created.FieldErrors("LinkedAudiencePart.Definition"))}");
        return created.EditedItemId();
    }

    /// <summary>The first column of each row of a query over the test's DuckDB warehouse, as text.</summary>
    public static async Task<List<string>> QueryAsync(string warehousePath, string sql)
    {
        await using var warehouse = await Warehouses.DuckDb.DuckDbWarehouse.OpenAsync(warehousePath, Core.Sql.Dialects.DuckDbDialect.Instance, CancellationToken.None);
        var values = new List<string>();
        await foreach (var row in warehouse.QueryAsync(new Core.Sql.SqlQuery(sql, []), CancellationToken.None))
        {
            values.Add(Convert.ToString(row[0], System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    /// <summary>"sha256=" and the lowercase hex HMAC-SHA256 of the body under the secret, computed here independently of the engine.</summary>
    public static string Signature(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes(body)));

    /// <summary>Enables the audience (it runs at once) or runs it now; the run as the API reports it.</summary>
    public static async Task<JsonNode> EnableAsync(this AdminSession admin, string key) => await RunAsync(admin, key, "Enable");

    public static async Task<JsonNode> RunNowAsync(this AdminSession admin, string key) => await RunAsync(admin, key, "RunNow");

    /// <summary>Creates and publishes an activation through the API; its id.</summary>
    public static async Task<string> CreateActivationAsync(this AdminSession admin, JsonObject body)
    {
        var (status, json) = await admin.PostJsonAsync(Api + "activations", TokenPage, body.ToJsonString());
        Assert.True(status == HttpStatusCode.Created, $"Creating the activation answered {(int)status}: {json?.ToJsonString()}");
        return (string)json!["id"]!;
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Json)> SendJsonAsync(this AdminSession admin, HttpMethod method, string path, string body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("RequestVerificationToken", AdminSession.Token((await admin.GetAsync(TokenPage)).Body));
        using var response = await admin.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }

    /// <summary>One tick of the delivery background task in the Default tenant, as Orchard runs it.</summary>
    public static Task DeliverAsync(this Site site) =>
        site.InTenantAsync(s => s.GetServices<IBackgroundTask>().OfType<ActivationDeliveryBackgroundTask>().Single().DoWorkAsync(s, CancellationToken.None));

    public static async Task<JsonNode> OverviewAsync(this AdminSession admin, string activationId)
    {
        var (status, json) = await admin.GetJsonAsync($"{Api}activations/{activationId}/overview?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&bucketMinutes=5256000");
        Assert.True(status == HttpStatusCode.OK, $"The overview answered {(int)status}: {json?.ToJsonString()}");
        return json!;
    }

    /// <summary>The totals of one event kind in the overview (camelCase kind, e.g. "profileEntered").</summary>
    public static JsonNode Totals(JsonNode overview, string kind) =>
        overview["kinds"]!.AsArray().Single(k => (string?)k!["kind"] == kind)!["totals"]!;

    public static string Quoted(IEnumerable<string> ids) => string.Join(", ", ids.Select(id => $"'{id}'"));

    private static async Task<JsonNode> RunAsync(AdminSession admin, string key, string action)
    {
        var overview = $"/Admin/LinkedAudiences/Runs/Overview/{key}";
        var before = (await admin.GetJsonAsync($"{Api}audiences/{key}/runs")).Json?.AsArray().Count ?? 0;
        var posted = await admin.SubmitAsync(overview, $"/Admin/LinkedAudiences/Runs/{action}/{key}", new());
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var runs = await RunsSupport.EventuallyAsync(() => admin.GetJsonAsync($"{Api}audiences/{key}/runs"), r => r.Json?.AsArray().Count > before);
        var run = runs.Json!.AsArray()[0]!;
        Assert.True((string?)run["status"] == "succeeded", run.ToJsonString());
        return run;
    }
}
