using System.Globalization;
using System.Net;
using LinkedAudiences.Tests.Infrastructure;

namespace LinkedAudiences.Tests.Liquid;

/// <summary>The demo theme's home page lists audience sizes through the audience_size filter, only for those who may view audiences.</summary>
public sealed class DemoThemeAudienceSizesTests(LiquidFiltersFixture fixture) : IClassFixture<LiquidFiltersFixture>
{
    [Fact]
    public async Task HomePage_SignedInAdministrator_ListsTheSizesOfTheAudiencesThatRan()
    {
        var run = (await fixture.LastRunAsync())!;
        var cardRun = (await fixture.LastRunAsync(LiquidFiltersFixture.CardAudience))!;
        using var admin = await fixture.Site.SignInAsAdminAsync();

        var home = await admin.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("<h2>Audience sizes</h2>", home.Body, StringComparison.Ordinal);
        var members = run.Summary.Members.ToString(CultureInfo.InvariantCulture);
        Assert.Contains($"<li data-audience=\"platinum-members\"><span>platinum-members</span> <strong>{members}</strong> members</li>", home.Body, StringComparison.Ordinal);
        var cardMembers = cardRun.Summary.Members.ToString(CultureInfo.InvariantCulture);
        Assert.Contains($"<li data-audience=\"uc1-outstanding-credit-card\"><span>uc1-outstanding-credit-card</span> <strong>{cardMembers}</strong> members</li>", home.Body, StringComparison.Ordinal);
        // The other demo audiences never ran: no size, so no line.
        Assert.DoesNotContain("data-audience=\"uc2-cat-owners-platinum\"", home.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LiquidFiltersFixture.Visitor)]
    [InlineData(null)]
    public async Task HomePage_WithoutViewAudiences_ShowsNoSizes(string? userName)
    {
        using var visitor = userName is null ? fixture.Site.NewSession() : await fixture.Site.SignInAsync(userName, Tenant.UserPassword);

        var home = await visitor.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("<h1>Linked Audiences demo</h1>", home.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Audience sizes", home.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("data-audience=", home.Body, StringComparison.Ordinal);
    }
}
