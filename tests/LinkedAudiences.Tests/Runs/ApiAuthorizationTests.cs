using System.Net;
using LinkedAudiences.Tests.Infrastructure;

namespace LinkedAudiences.Tests.Runs;

/// <summary>
/// Every endpoint of /api/linked-audiences for anonymous callers, a ViewAudiences-only user, an audience editor and the admin:
/// 401 and 403 where the permission is missing; POSTs need the anti-forgery header.
/// </summary>
public sealed class ApiAuthorizationTests(ApiAuthorizationTests.Fixture fixture) : IClassFixture<ApiAuthorizationTests.Fixture>
{
    private const string Api = "/api/linked-audiences/";

    // A token page each signed-in role may open.
    private const string TokenPage = "/Admin/LinkedAudiences/Runs/Index";

    private static readonly (string Method, string Path)[] Endpoints =
    [
        ("GET", "graphs"),
        ("GET", "graphs/demo"),
        ("POST", "graphs/validate"),
        ("GET", "audiences"),
        ("GET", "audiences/platinum-members"),
        ("POST", "audiences/platinum-members/validate"),
        ("POST", "audiences/platinum-members/preview"),
        ("POST", "audiences/platinum-members/run"),
        ("GET", "audiences/platinum-members/runs"),
        ("GET", "audiences/platinum-members/consumers"),
        ("POST", "graphs/demo/preview"),
        ("GET", "graphs/demo/suggestions?trait=plan"),
        ("GET", "activations"),
        ("POST", "activations"),
        ("GET", "activations/la-act-uc1-webhook"),
        ("PUT", "activations/la-act-uc1-webhook"),
        ("DELETE", "activations/no-such-activation"),
        ("POST", "activations/la-act-uc1-webhook/test-event"),
        ("GET", "activations/la-act-uc1-webhook/overview"),
        ("GET", "openapi.json"),
    ];

    // One status per endpoint above. Run answers 409 to those allowed: the demo audience is disabled. Checking a graph
    // needs ManageDataGraphs and changing activations ManageActivations, which the audience editor does not have; with
    // the permission, an empty activation body answers 400 and an unknown activation 404.
    private static readonly Dictionary<string, int[]> Expected = new(StringComparer.Ordinal)
    {
        ["anonymous"] = [401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 200],
        ["AudienceViewer"] = [200, 200, 403, 200, 200, 403, 403, 403, 200, 200, 403, 200, 200, 403, 200, 403, 403, 403, 200, 200],
        ["AudienceEditor"] = [200, 200, 403, 200, 200, 200, 200, 409, 200, 200, 200, 200, 200, 403, 200, 403, 403, 403, 200, 200],
        ["Administrator"] = [200, 200, 200, 200, 200, 200, 200, 409, 200, 200, 200, 200, 200, 400, 200, 400, 404, 400, 200, 200],
    };

    public static TheoryData<string, string, string, int> Matrix()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var (role, statuses) in Expected)
        {
            for (var i = 0; i < Endpoints.Length; i++)
            {
                data.Add(role, Endpoints[i].Method, Endpoints[i].Path, statuses[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_Role_AnswersTheExpectedStatus(string role, string method, string path, int expected)
    {
        using var session = await SessionAsync(role);

        var (status, _) = method == "GET"
            ? await session.GetJsonAsync(Api + path)
            : await session.SendJsonAsync(new HttpMethod(method), Api + path, role == "anonymous" ? null : TokenPage);

        Assert.Equal(expected, (int)status);
    }

    [Theory]
    [InlineData("graphs/validate")]
    [InlineData("audiences/platinum-members/validate")]
    [InlineData("audiences/platinum-members/preview")]
    [InlineData("audiences/platinum-members/run")]
    public async Task Post_WithoutTheAntiforgeryHeader_IsRefused(string path)
    {
        using var admin = await fixture.Site.SignInAsAdminAsync();

        var (status, _) = await admin.PostJsonAsync(Api + path, tokenPage: null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Validate_InvalidBody_ListsTheEngineErrors_AndPreviewCountsTheEngineMembers()
    {
        using var editor = await SessionAsync("AudienceEditor");
        var members = await RunsSupport.EngineMembersAsync(fixture.Warehouse, "platinum-members");

        var (validStatus, valid) = await editor.PostJsonAsync(Api + "audiences/platinum-members/validate", TokenPage);
        var (invalidStatus, invalid) = await editor.PostJsonAsync(
            Api + "audiences/platinum-members/validate",
            TokenPage,
            """{"schemaVersion":1,"target":{"type":"profile"},"groups":[{"conditions":[{"kind":"trait","trait":"no_such_trait","operator":"equals","value":"x"}]}]}""");
        var (previewStatus, preview) = await editor.PostJsonAsync(Api + "audiences/platinum-members/preview", TokenPage);

        Assert.Equal((HttpStatusCode.OK, true), (validStatus, (bool)valid!["valid"]!));
        Assert.Equal((HttpStatusCode.OK, false), (invalidStatus, (bool)invalid!["valid"]!));
        Assert.Contains("no_such_trait", invalid["errors"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, previewStatus);
        Assert.Equal(members.Count, (long)preview!["count"]!);
    }

    [Theory]
    [InlineData("anonymous", "login", "none")]
    [InlineData("AudienceViewer", "ok", "forbidden")]
    [InlineData("AudienceEditor", "ok", "redirect")]
    [InlineData("Administrator", "ok", "redirect")]
    public async Task RunStatusAdmin_Role_SeesTheOverviewAndMayRunOnlyWithRunAudiences(string role, string view, string disable)
    {
        using var session = await SessionAsync(role);
        const string Overview = "/Admin/LinkedAudiences/Runs/Overview/agg-wishlist-over-300";

        var index = await session.GetAsync("/Admin/LinkedAudiences/Runs/Index");
        var overview = await session.GetAsync(Overview);
        // Disabling a disabled audience changes nothing, so the matrix leaves the site as it was.
        // An anonymous visitor has no page to take a token from.
        var posted = role == "anonymous"
            ? "none"
            : Outcome(await session.SubmitAsync(TokenPage, "/Admin/LinkedAudiences/Runs/Disable/agg-wishlist-over-300", new()));

        Assert.Equal((view, view), (Outcome(index), Outcome(overview)));
        Assert.Equal(disable, posted);
        if (view == "ok")
        {
            Assert.Contains("agg-wishlist-over-300", index.Body, StringComparison.Ordinal);
            Assert.Equal(role != "AudienceViewer", overview.Body.Contains("/Admin/LinkedAudiences/Runs/Enable/agg-wishlist-over-300", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Matrix_CoversEveryEndpointOfTheApi()
    {
        var mapped = LinkedAudiences.Api.LinkedAudiencesApi.Endpoints.Select(e => $"{e.Method} {e.Path}").Order(StringComparer.Ordinal);

        Assert.Equal(mapped, Endpoints.Select(e => $"{e.Method} {Template(e.Path)}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OpenApi_DescribesEveryEndpointWithItsPermission()
    {
        using var anonymous = fixture.Site.NewSession();

        var (status, document) = await anonymous.GetJsonAsync(Api + "openapi.json");

        Assert.Equal(HttpStatusCode.OK, status);
        var paths = document!["paths"]!.AsObject();
        foreach (var (method, path) in Endpoints)
        {
            var template = Template(path);
            Assert.True(paths.ContainsKey("/api/linked-audiences/" + template), template);
            Assert.NotNull(paths["/api/linked-audiences/" + template]![method.ToLowerInvariant()]);
        }

        Assert.Equal("RunAudiences", (string?)paths["/api/linked-audiences/audiences/{key}/run"]!["post"]!["x-permission"]);
    }

    /// <summary>The route template a concrete path of <see cref="Endpoints"/> was made from.</summary>
    private static string Template(string path) =>
        path.Split('?')[0].Replace("platinum-members", "{key}", StringComparison.Ordinal)
            .Replace("graphs/demo", "graphs/{key}", StringComparison.Ordinal)
            .Replace("la-act-uc1-webhook", "{id}", StringComparison.Ordinal)
            .Replace("no-such-activation", "{id}", StringComparison.Ordinal);

    private async Task<AdminSession> SessionAsync(string role) => role switch
    {
        "anonymous" => fixture.Site.NewSession(),
        "Administrator" => await fixture.Site.SignInAsAdminAsync(),
        _ => await fixture.Site.SignInAsync(UserOf(role), Tenant.UserPassword),
    };

    private static string Outcome(Page page) => page switch
    {
        { Status: HttpStatusCode.OK } => "ok",
        { Status: HttpStatusCode.Forbidden } => "forbidden",
        { Status: HttpStatusCode.Redirect, Location: { } to } when to.Contains("/Login", StringComparison.OrdinalIgnoreCase) => "login",
        { Status: HttpStatusCode.Redirect, Location: { } to } when to.Contains("403", StringComparison.Ordinal) || to.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase) => "forbidden",
        { Status: HttpStatusCode.Redirect } => "redirect",
        _ => $"{(int)page.Status} {page.Location}",
    };

    private static string UserOf(string role) => "api-" + role.ToLowerInvariant();

    /// <summary>The demo site with a small demo warehouse, an audience editor (edit, view, run) and a user holding only ViewAudiences.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public Site Site { get; } = new();

        public string Warehouse { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            await Site.InitializeAsync();
            await Site.CreateRoleAsync("AudienceViewer", "AccessAdminPanel", "ViewAudiences");
            await Site.CreateUserAsync(UserOf("AudienceViewer"), "AudienceViewer");
            await Site.CreateRoleAsync("AudienceEditor", "AccessAdminPanel", "ViewAudiences", "EditAudiences", "RunAudiences");
            await Site.CreateUserAsync(UserOf("AudienceEditor"), "AudienceEditor");
            Warehouse = await Site.UseDemoWarehouseAsync(100);
        }

        public Task DisposeAsync() => ((IAsyncLifetime)Site).DisposeAsync();
    }
}
