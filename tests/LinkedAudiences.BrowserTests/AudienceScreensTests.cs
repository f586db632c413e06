using LinkedAudiences.BrowserTests.Infrastructure;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Models;
using LinkedAudiences.Warehouses.DuckDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrchardCore.Entities;
using OrchardCore.Settings;

namespace LinkedAudiences.BrowserTests;

/// <summary>The audience screens in a real browser: the list, enabling a demo audience on its Overview, its explorer, and the Runs tab.</summary>
public sealed class AudienceScreensTests(BrowserSite site) : IClassFixture<BrowserSite>, IAsyncLifetime
{
    private readonly string _warehouse = Path.Combine(Path.GetTempPath(), "la-browser-tests", $"screens-{Guid.NewGuid():N}.duckdb");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_warehouse)!);
        await using (var warehouse = await DuckDbWarehouse.OpenAsync(_warehouse, DuckDbDialect.Instance, CancellationToken.None))
        {
            await DemoWarehouseBuilder.BuildAsync(warehouse, new DemoWarehouseOptions { Profiles = 300 }, CancellationToken.None);
        }

        await site.InTenantAsync(async services =>
        {
            var siteService = services.GetRequiredService<ISiteService>();
            var settings = await siteService.LoadSiteSettingsAsync();
            settings.Alter<LinkedAudiencesSettings>(s =>
            {
                s.WarehouseKind = "duckdb";
                s.DuckDbPath = _warehouse;
            });
            await siteService.UpdateSiteSettingsAsync(settings);
            return true;
        });
    }

    public Task DisposeAsync()
    {
        try
        {
            File.Delete(_warehouse);
        }
        catch (IOException)
        {
            // Still open in a finishing request; the temp folder is cleaned by the OS.
        }

        return Task.CompletedTask;
    }

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
