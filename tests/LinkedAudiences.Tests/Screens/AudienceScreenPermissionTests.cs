using System.Net;
using LinkedAudiences.Models;
using LinkedAudiences.Tests.Infrastructure;
using OrchardCore.ContentManagement;

namespace LinkedAudiences.Tests.Screens;

/// <summary>
/// The audience screens' permissions: ViewAudiences reads every tab, EditAudiences changes settings, alerts, clones and
/// deletes, RunAudiences enables and runs; without them each action is refused and changes nothing.
/// </summary>
public sealed class AudienceScreenPermissionTests(AudienceScreenPermissionTests.Fixture fixture) : IClassFixture<AudienceScreenPermissionTests.Fixture>
{
    private const string Viewer = "screens-viewer";
    private const string Editor = "screens-editor";
    private const string NoAudiences = "screens-no-audiences";

    public static TheoryData<string> Tabs() => new() { "Overview", "Runs", "Settings", "Consumers", "Alerts" };

    [Theory]
    [MemberData(nameof(Tabs))]
    public async Task Tab_Viewer_ReadsItWithoutAnyChangeControl(string tab)
    {
        using var viewer = await fixture.Site.SignInAsync(Viewer, Tenant.UserPassword);

        var page = await viewer.GetAsync(ScreensSupport.TabPath(tab, ScreensSupport.PlatinumId));
        var html = page.Html();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(tab, html.QuerySelector("#audience-tabs .nav-link.active")!.GetAttribute("data-tab"));
        Assert.Empty(html.QuerySelectorAll("#audience-actions button, #create-alert, button[data-action]"));
        Assert.All(html.QuerySelectorAll("#audience-settings > fieldset"), f => Assert.True(f.HasAttribute("disabled")));
        Assert.Empty(html.QuerySelectorAll("#audience-settings button[type='submit']"));
    }

    [Theory]
    [InlineData("Index")]
    [InlineData("Overview")]
    [InlineData("Alerts")]
    public async Task Screen_UserWithoutViewAudiences_IsRefused(string tab)
    {
        using var user = await fixture.Site.SignInAsync(NoAudiences, Tenant.UserPassword);

        var page = await user.GetAsync(tab == "Index" ? ScreensSupport.ListPath : ScreensSupport.TabPath(tab, ScreensSupport.PlatinumId));

        Assert.True(page.IsRefused(), $"{(int)page.Status} {page.Location}");
    }

    [Fact]
    public async Task List_Anonymous_IsSentToSignIn()
    {
        using var anonymous = fixture.Site.NewSession();

        var page = await anonymous.GetAsync(ScreensSupport.ListPath);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/Login", page.Location, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(Viewer, "Enable")]
    [InlineData(Viewer, "RunNow")]
    [InlineData(Viewer, "Disable")]
    [InlineData(Viewer, "Clone")]
    [InlineData(Viewer, "Delete")]
    [InlineData(Viewer, "Settings")]
    [InlineData(Viewer, "AddAlert")]
    [InlineData(Editor, "Enable")]
    [InlineData(Editor, "RunNow")]
    public async Task Action_UserWithoutThePermission_IsRefusedAndChangesNothing(string user, string action)
    {
        using var session = await fixture.Site.SignInAsync(user, Tenant.UserPassword);
        var before = await fixture.Site.GetAsync(ScreensSupport.Uc2Id, VersionOptions.Published);
        var audiencesBefore = (await fixture.Site.ListAsync(ContentTypes.LinkedAudience)).Count;

        var response = await session.ActAsync(action, ScreensSupport.Uc2Id, new()
        {
            ["Input.Name"] = "Changed by a viewer",
            ["Input.ScheduleKind"] = "Manual",
            ["Input.ThresholdPercent"] = "5",
            ["Input.Channel"] = "inApp",
        });
        var after = await fixture.Site.GetAsync(ScreensSupport.Uc2Id, VersionOptions.Published);

        Assert.True(response.IsRefused(), $"{(int)response.Status} {response.Location}");
        Assert.Equal(before!.DisplayText, after!.DisplayText);
        Assert.Equal(before.Part<LinkedAudiencePart>().Enabled, after.Part<LinkedAudiencePart>().Enabled);
        Assert.Empty(after.Part<LinkedAudiencePart>().Alerts);
        Assert.Equal(audiencesBefore, (await fixture.Site.ListAsync(ContentTypes.LinkedAudience)).Count);
    }

    [Fact]
    public async Task Settings_EditorWithoutRunPermission_SavesAndSeesNoRunButtons()
    {
        using var editor = await fixture.Site.SignInAsync(Editor, Tenant.UserPassword);

        var saved = await editor.ActAsync("Settings", ScreensSupport.Uc3Id, new()
        {
            ["Input.Name"] = "UC3 (edited by an audience editor)",
            ["Input.ScheduleKind"] = "Manual",
        }, tab: "Settings");
        var overview = (await editor.GetAsync(ScreensSupport.TabPath("Overview", ScreensSupport.Uc3Id))).Html();

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("UC3 (edited by an audience editor)", (await fixture.Site.GetAsync(ScreensSupport.Uc3Id, VersionOptions.Published))!.DisplayText);
        Assert.Null(overview.QuerySelector("button[data-action='enable'], button[data-action='run-now']"));
        Assert.NotNull(overview.QuerySelector("button[data-action='clone']"));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        using var admin = await fixture.Site.SignInAsAdminAsync();
        using var content = new FormUrlEncodedContent([new("Input.Name", "No token"), new("Input.ScheduleKind", "Manual")]);

        using var response = await admin.Client.PostAsync(new Uri(ScreensSupport.TabPath("Settings", ScreensSupport.Uc2Id), UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual("No token", (await fixture.Site.GetAsync(ScreensSupport.Uc2Id, VersionOptions.Published))!.DisplayText);
    }

    /// <summary>The demo site with a viewer (ViewAudiences), an audience editor (no RunAudiences) and a user with neither.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public Site Site { get; } = new();

        public async Task InitializeAsync()
        {
            await Site.InitializeAsync();
            await Site.CreateRoleAsync("ScreensViewer", "AccessAdminPanel", "ViewAudiences");
            await Site.CreateRoleAsync("ScreensEditor", "AccessAdminPanel", "ViewAudiences", "EditAudiences");
            await Site.CreateRoleAsync("ScreensNothing", "AccessAdminPanel");
            await Site.CreateUserAsync(Viewer, "ScreensViewer");
            await Site.CreateUserAsync(Editor, "ScreensEditor");
            await Site.CreateUserAsync(NoAudiences, "ScreensNothing");
        }

        public Task DisposeAsync() => ((IAsyncLifetime)Site).DisposeAsync();
    }
}
