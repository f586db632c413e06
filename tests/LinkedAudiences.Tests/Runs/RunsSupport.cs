using System.Net;
using System.Text.Json.Nodes;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Warehouses.DuckDb;

namespace LinkedAudiences.Tests.Runs;

/// <summary>A demo DuckDB warehouse of the tests' own, the engine's answer over it, and the JSON API as a signed-in client calls it.</summary>
internal static class RunsSupport
{
    /// <summary>Builds a small demo warehouse under the site's App_Data and points the site's settings at it.</summary>
    public static async Task<string> UseDemoWarehouseAsync(this Site site, int profiles = 200)
    {
        var path = Path.Combine(site.AppData, $"warehouse-{Guid.NewGuid():N}.duckdb");
        await using (var warehouse = await DuckDbWarehouse.OpenAsync(path, DuckDbDialect.Instance, CancellationToken.None))
        {
            await DemoWarehouseBuilder.BuildAsync(warehouse, new DemoWarehouseOptions { Profiles = profiles }, CancellationToken.None);
        }

        await site.UseWarehouseAsync(path);
        return path;
    }

    public static Task UseWarehouseAsync(this Site site, string duckDbPath) =>
        site.SaveSettingsAsync(s =>
        {
            s.WarehouseKind = "duckdb";
            s.DuckDbPath = duckDbPath;
            s.ProtectedConnectionString = null;
        });

    /// <summary>The members the engine finds for a docs/examples audience that references no other audience.</summary>
    public static async Task<HashSet<string>> EngineMembersAsync(string warehousePath, string audienceKey)
    {
        var graph = LinkedAudiencesJson.ParseGraph(await File.ReadAllTextAsync(RepositoryFiles.DemoGraph));
        var definition = LinkedAudiencesJson.ParseAudience(RepositoryFiles.Audience(audienceKey));
        await using var warehouse = await DuckDbWarehouse.OpenAsync(warehousePath, DuckDbDialect.Instance, CancellationToken.None);
        var members = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var key in new AudienceEngine(graph, NoAudiences.Instance).MembersAsync(warehouse, definition, DemoWarehouseOptions.DefaultAnchor, CancellationToken.None))
        {
            members.Add(key);
        }

        return members;
    }

    public static async Task ExecuteAsync(string warehousePath, string sql)
    {
        await using var warehouse = await DuckDbWarehouse.OpenAsync(warehousePath, DuckDbDialect.Instance, CancellationToken.None);
        await warehouse.ExecuteAsync(new SqlQuery(sql, []), CancellationToken.None);
    }

    public static async Task<List<string>> ProfileIdsAsync(string warehousePath, string where)
    {
        await using var warehouse = await DuckDbWarehouse.OpenAsync(warehousePath, DuckDbDialect.Instance, CancellationToken.None);
        var ids = new List<string>();
        await foreach (var row in warehouse.QueryAsync(new SqlQuery($"SELECT profile_id FROM profiles WHERE {where} ORDER BY profile_id", []), CancellationToken.None))
        {
            ids.Add((string)row[0]!);
        }

        return ids;
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Json)> GetJsonAsync(this AdminSession session, string path)
    {
        using var response = await session.Client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await ReadAsync(response));
    }

    /// <summary>POSTs with the anti-forgery token of <paramref name="tokenPage"/> in the header (none when null).</summary>
    public static Task<(HttpStatusCode Status, JsonNode? Json)> PostJsonAsync(this AdminSession session, string path, string? tokenPage, string body = "") =>
        session.SendJsonAsync(HttpMethod.Post, path, tokenPage, body);

    /// <summary>Sends with the anti-forgery token of <paramref name="tokenPage"/> in the header (none when null).</summary>
    public static async Task<(HttpStatusCode Status, JsonNode? Json)> SendJsonAsync(this AdminSession session, HttpMethod method, string path, string? tokenPage, string body = "")
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        if (tokenPage is not null)
        {
            request.Headers.Add("RequestVerificationToken", AdminSession.Token((await session.GetAsync(tokenPage)).Body));
        }

        using var response = await session.Client.SendAsync(request);
        return (response.StatusCode, await ReadAsync(response));
    }

    /// <summary>Polls until <paramref name="done"/> holds (a deferred task may still be finishing the request's work).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var value = await read();
            if (done(value) || attempt == 100)
            {
                return value;
            }

            await Task.Delay(200);
        }
    }

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed class NoAudiences : IAudienceCatalog
    {
        public static readonly NoAudiences Instance = new();

        public Task<AudienceDefinition?> FindAsync(string audienceKey, CancellationToken cancellationToken) => Task.FromResult<AudienceDefinition?>(null);
    }
}
