using System.Net;
using LinkedAudiences.Models;
using LinkedAudiences.Tests.Infrastructure;

namespace LinkedAudiences.Tests;

/// <summary>
/// Every admin page the module adds or routes to, for anonymous visitors and each role: the stereotypes (Editor builds
/// audiences but not graphs; Author and Contributor only view) and a custom role holding only ViewAudiences. No
/// response ever carries the warehouse secret.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Fixture fixture) : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    public const string Secret = "pw-0b9d2a51-matrix-secret";

    // Ids fixed by the demo recipe (Recipes/linked-audiences-demo.recipe.json).
    private const string DemoGraph = "la-graph-demo";
    private const string DemoAudience = "la-aud-02";
    private const string DemoActivation = "la-act-uc1-webhook";

    private static readonly string[] Pages =
    [
        AdminForms.ListPath(ContentTypes.DataGraph),
        AdminForms.ListPath(ContentTypes.LinkedAudience),
        AdminForms.ListPath(ContentTypes.Activation),
        AdminForms.CreatePath(ContentTypes.DataGraph),
        AdminForms.CreatePath(ContentTypes.LinkedAudience),
        AdminForms.CreatePath(ContentTypes.Activation),
        AdminForms.EditPath(DemoGraph),
        AdminForms.EditPath(DemoAudience),
        AdminForms.EditPath(DemoActivation),
        "/Admin/Settings/LinkedAudiences",
        "/Admin/LinkedAudiences/Runs/Index",
        "/Admin/LinkedAudiences/Runs/Overview/platinum-members",
        "/Admin/LinkedAudiences/Audiences/Index",
        "/Admin/LinkedAudiences/Audiences/Overview/" + DemoAudience,
        "/Admin/LinkedAudiences/Audiences/Runs/" + DemoAudience,
        "/Admin/LinkedAudiences/Audiences/Settings/" + DemoAudience,
        "/Admin/LinkedAudiences/Audiences/Consumers/" + DemoAudience,
        "/Admin/LinkedAudiences/Audiences/Alerts/" + DemoAudience,
    ];

    // One column per page above: ok, login (redirected to sign in) or forbidden. Every role here may view audiences, so
    // the run status and audience screens are open to all of them (their change actions are checked in Screens/).
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        ["anonymous"] = ["login", "login", "login", "login", "login", "login", "login", "login", "login", "login", "login", "login", "login", "login", "login", "login", "login", "login"],
        ["Administrator"] = ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
        ["Editor"] = ["ok", "ok", "ok", "forbidden", "ok", "ok", "forbidden", "ok", "ok", "forbidden", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
        ["Author"] = ["ok", "ok", "ok", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
        ["Contributor"] = ["ok", "ok", "ok", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
        ["AudienceViewer"] = ["ok", "ok", "ok", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "forbidden", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
    };

    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (role, outcomes) in Expected)
        {
            for (var i = 0; i < Pages.Length; i++)
            {
                data.Add(role, Pages[i], outcomes[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task AdminPage_Role_GetsTheExpectedOutcomeAndNoSecret(string role, string page, string expected)
    {
        using var session = role switch
        {
            "anonymous" => fixture.Site.NewSession(),
            "Administrator" => await fixture.Site.SignInAsAdminAsync(),
            _ => await fixture.Site.SignInAsync(UserOf(role), Tenant.UserPassword),
        };

        var response = await session.GetAsync(page);

        Assert.Equal(expected, Outcome(response));
        Assert.DoesNotContain(Secret, response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_EditorOnAGraph_IsForbiddenAndChangesNothing()
    {
        using var editor = await fixture.Site.SignInAsync(UserOf("Editor"), Tenant.UserPassword);
        // The editor cannot open the graph's form: the token comes from a page it may see.
        var response = await editor.SubmitAsync(AdminForms.ListPath(ContentTypes.LinkedAudience), AdminForms.EditPath(DemoGraph), AdminForms.Graph("Hijacked", "demo", "{}"));

        Assert.Equal("forbidden", Outcome(response));
        Assert.Single(await fixture.Site.VersionsAsync(DemoGraph));
    }

    [Theory]
    [InlineData("Editor", true)]
    [InlineData("AudienceEditor", false)]
    public async Task Publish_EnabledFlag_IsOnlyTakenFromUsersWhoMayRunAudiences(string role, bool enabled)
    {
        using var session = await fixture.Site.SignInAsync(UserOf(role), Tenant.UserPassword);
        var key = "enable-by-" + role.ToLowerInvariant();
        var fields = AdminForms.Audience("Enable " + role, key, RepositoryFiles.Audience("platinum-members"));
        fields["LinkedAudiencePart.Enabled"] = "true";

        var created = await session.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), fields);

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal(enabled, (await fixture.Site.AudienceIndexAsync(key))!.Enabled);
    }

    private static string UserOf(string role) => role.ToLowerInvariant() + "1";

    private static string Outcome(Page page) => page switch
    {
        { Status: HttpStatusCode.OK } => "ok",
        { Status: HttpStatusCode.Forbidden } => "forbidden",
        { Status: HttpStatusCode.Redirect, Location: { } to } when to.Contains("/Login", StringComparison.OrdinalIgnoreCase) => "login",
        { Status: HttpStatusCode.Redirect, Location: { } to } when to.Contains("403", StringComparison.Ordinal) || to.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase) => "forbidden",
        _ => $"{(int)page.Status} {page.Location}",
    };

    /// <summary>The demo site with one user per role, a view-only role, and a stored PostgreSQL secret.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public Site Site { get; } = new();

        public async Task InitializeAsync()
        {
            await Site.InitializeAsync();
            await Site.CreateRoleAsync("AudienceViewer", "AccessAdminPanel", "ViewAudiences");
            await Site.CreateRoleAsync("AudienceEditor", "AccessAdminPanel", "ViewAudiences", "EditAudiences");
            foreach (var role in new[] { "Editor", "Author", "Contributor", "AudienceViewer", "AudienceEditor" })
            {
                await Site.CreateUserAsync(UserOf(role), role);
            }

            using var admin = await Site.SignInAsAdminAsync();
            var saved = await admin.SubmitAsync("/Admin/Settings/LinkedAudiences", new()
            {
                ["ISite.LinkedAudiencesSettings.WarehouseKind"] = "postgres",
                ["ISite.LinkedAudiencesSettings.ConnectionString"] = $"Host=127.0.0.1;Port=1;Password={Secret}",
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);

            // The secret stays stored while no warehouse is checked, so that publishing in these tests needs no server.
            var unset = await admin.SubmitAsync("/Admin/Settings/LinkedAudiences", new() { ["ISite.LinkedAudiencesSettings.WarehouseKind"] = string.Empty });
            Assert.Equal(HttpStatusCode.Redirect, unset.Status);
            Assert.NotNull((await Site.SettingsAsync()).ProtectedConnectionString);
        }

        public Task DisposeAsync() => ((IAsyncLifetime)Site).DisposeAsync();
    }
}
