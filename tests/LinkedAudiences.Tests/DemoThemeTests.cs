using System.Net;
using LinkedAudiences.Tests.Infrastructure;

namespace LinkedAudiences.Tests;

/// <summary>The demo site's front end: the demo theme is the site theme and the home route shows its page.</summary>
public sealed class DemoThemeTests(Site site) : IClassFixture<Site>
{
    [Fact]
    public async Task HomePage_Anonymous_ShowsTheDemoThemePageWithALinkToTheAdmin()
    {
        using var visitor = site.NewSession();

        var home = await visitor.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("<body class=\"la-demo\">", home.Body, StringComparison.Ordinal);
        Assert.Contains("<h1>Linked Audiences demo</h1>", home.Body, StringComparison.Ordinal);
        Assert.Contains("<a class=\"la-demo-button\" href=\"/Admin\">Open the admin</a>", home.Body, StringComparison.Ordinal);
        Assert.Matches("<title>[^<]*Linked Audiences demo[^<]*Welcome[^<]*</title>", home.Body);
        Assert.Empty(site.Logs.Errors);
    }

    [Fact]
    public async Task HomePage_SignedInAdministrator_StillAnswersTheThemePage()
    {
        using var admin = await site.SignInAsAdminAsync();

        var home = await admin.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("<h1>Linked Audiences demo</h1>", home.Body, StringComparison.Ordinal);
        Assert.Empty(site.Logs.Errors);
    }
}
