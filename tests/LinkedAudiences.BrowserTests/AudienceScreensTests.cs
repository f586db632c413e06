using LinkedAudiences.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace LinkedAudiences.BrowserTests;

/// <summary>The audience screens in a real browser: the list, enabling a demo audience on its Overview, its explorer, and the Runs tab.</summary>
public sealed class AudienceScreensTests(BrowserSite site) : IClassFixture<BrowserSite>, IAsyncLifetime
{
    public Task InitializeAsync() => site.UseNewDemoWarehouseAsync(300);

    // The warehouse file lives in the site's App_Data, which the fixture removes.
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task OverviewAndRuns_EnableADemoAudience_ShowsItsMembersAndItsRun()
    {
        var page = await site.SignInAsAdminAsync();

        await page.GotoAsync("/Admin/LinkedAudiences/Audiences/Index");
        var row = page.Locator("#audience-list tr[data-audience='platinum-members']");
        await Assertions.Expect(row.Locator("[data-field='status']")).ToHaveTextAsync("Disabled");
        await Screens.KeepAsync(page, "20-audience-list");

        await row.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync("**/Audiences/Overview/la-aud-01");
        var enable = page.Locator("button[data-action='enable']");
        await enable.FocusAsync();
        await enable.ClickAsync();
        await Assertions.Expect(page.Locator("#audience-status")).ToHaveAttributeAsync("data-status", "Live", new() { Timeout = 120_000 });
        var members = await page.Locator("#audience-members").InnerTextAsync();
        await Assertions.Expect(page.Locator("#audience-explorer tbody tr")).ToHaveCountAsync(25);
        await Screens.KeepAsync(page, "21-audience-overview");

        await page.Locator("#audience-tabs a[data-tab='Runs']").ClickAsync();
        await page.WaitForURLAsync("**/Audiences/Runs/la-aud-01");
        var run = page.Locator("#audience-run-history tbody tr[data-run-id]");
        await Assertions.Expect(run).ToHaveCountAsync(1);
        await Screens.KeepAsync(page, "22-audience-runs");

        Assert.Equal("Succeeded", await run.GetAttributeAsync("data-status"));
        Assert.Equal(members.Replace(",", "", StringComparison.Ordinal), await run.Locator("td[data-field='members']").InnerTextAsync());
        Assert.Equal("Enabled", (await run.Locator("td").Nth(2).InnerTextAsync()).Trim());
        Assert.Matches(@"^\d+\.\d{3} s$", (await run.Locator("td[data-field='extracting']").InnerTextAsync()).Trim());
        Assert.Equal("page", await page.Locator("#audience-tabs a[data-tab='Runs']").GetAttributeAsync("aria-current"));
        // Only these screens' errors (the home page the sign-in lands on is another task's).
        var screenErrors = site.BrowserErrorsQueue.Where(e => e.Contains("/Audiences/", StringComparison.Ordinal)).ToList();
        Assert.True(screenErrors.Count == 0, string.Join(Environment.NewLine, screenErrors));
    }
}
