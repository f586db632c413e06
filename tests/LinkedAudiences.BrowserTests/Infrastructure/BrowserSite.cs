using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrchardCore.Environment.Shell;
using OrchardCore.Environment.Shell.Scope;

namespace LinkedAudiences.BrowserTests.Infrastructure;

/// <summary>
/// The real demo host on Kestrel (a browser cannot reach an in-memory TestServer) with its own App_Data, so AutoSetup
/// sets a fresh SQLite site up with the demo recipe, and one headless Debian Chromium driven by Playwright.
/// One per test class (xunit class fixture).
/// </summary>
public sealed class BrowserSite : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "Demo-Password-1!";

    /// <summary>Debian's Chromium: Playwright's own browser download is never used (no network for it here).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string _appData = Path.Combine(Path.GetTempPath(), "la-browser-tests", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>Script errors, console errors and failed requests of every page: tests assert there are none.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> BrowserErrorsQueue { get; } = new();

    private System.Collections.Concurrent.ConcurrentQueue<string> BrowserErrors => BrowserErrorsQueue;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>Where each screen's PNG is kept: artifacts/screenshots under the test output.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development would switch Razor runtime compilation on, which finds no reference assemblies in a test host.
        builder.UseEnvironment("Production");
        // A small demo warehouse: the editors offer its tables and publishing checks against it, as on the demo site.
        builder.UseSetting("OrchardCore:LinkedAudiences:DemoWarehouse:Profiles", "200");
        builder.ConfigureServices(services => services.PostConfigure<ShellOptions>(o => o.ShellsApplicationDataPath = _appData));
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's Chromium first (apt-get install -y chromium).");
        }

        UseKestrel(0);
        StartServer();
        BaseAddress = ClientOptions.BaseAddress;
        await WaitForSetupAsync();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    private async Task WaitForSetupAsync()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(3) };

        // AutoSetup runs inline on the first request and answers 302 when done; requests that wait on its lock get 503.
        for (var attempt = 0; ; attempt++)
        {
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                break;
            }

            if (attempt == 90)
            {
                throw new InvalidOperationException("The site did not finish its setup in 90 seconds.");
            }

            await Task.Delay(1000);
        }

        for (var attempt = 0; ; attempt++)
        {
            using var login = await client.GetAsync(new Uri("/Login", UriKind.Relative));
            if (login.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            if (attempt == 60)
            {
                throw new InvalidOperationException($"/Login answers {(int)login.StatusCode} after setup.");
            }

            await Task.Delay(500);
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_appData, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background task; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A fresh browser context (its own cookies) with one page on the site.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        // The first visit of each screen compiles its views on a shared 2-core machine: slow, not stuck.
        page.SetDefaultTimeout(60_000);
        page.PageError += (_, error) => BrowserErrors.Enqueue($"{page.Url}: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                BrowserErrors.Enqueue($"{page.Url}: console: {message.Text}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                BrowserErrors.Enqueue($"{response.Url}: HTTP {response.Status}");
            }
        };
        return page;
    }

    /// <summary>Signs in through the login page, as a person would.</summary>
    public async Task<IPage> SignInAsAdminAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Login");
        await page.Locator("#LoginForm_UserName").FillAsync(AdminUserName);
        await page.Locator("#LoginForm_Password").FillAsync(AdminPassword);
        await Screens.KeepAsync(page, "01-login");
        // Focused first, as for Publish: a focus change that scrolls the page mid-click sends the click elsewhere.
        var submit = page.Locator("form button[type=submit]").First;
        await submit.FocusAsync();
        await submit.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Login", StringComparison.OrdinalIgnoreCase), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        return page;
    }

    /// <summary>
    /// A demo warehouse of its own for a test class (under this site's App_Data, removed with it), made the tenant's
    /// warehouse in the site settings. Returns its path.
    /// </summary>
    public async Task<string> UseNewDemoWarehouseAsync(int profiles)
    {
        var path = Path.Combine(_appData, $"warehouse-{Guid.NewGuid():N}.duckdb");
        await using (var warehouse = await LinkedAudiences.Warehouses.DuckDb.DuckDbWarehouse.OpenAsync(path, LinkedAudiences.Core.Sql.Dialects.DuckDbDialect.Instance, CancellationToken.None))
        {
            await LinkedAudiences.Core.Demo.DemoWarehouseBuilder.BuildAsync(warehouse, new LinkedAudiences.Core.Demo.DemoWarehouseOptions { Profiles = profiles }, CancellationToken.None);
        }

        await InTenantAsync(async services =>
        {
            var siteService = services.GetRequiredService<OrchardCore.Settings.ISiteService>();
            var settings = await siteService.LoadSiteSettingsAsync();
            OrchardCore.Entities.EntityExtensions.Alter<LinkedAudiences.Models.LinkedAudiencesSettings>(settings, s =>
            {
                s.WarehouseKind = "duckdb";
                s.DuckDbPath = path;
            });
            await siteService.UpdateSiteSettingsAsync(settings);
            return true;
        });
        return path;
    }

    /// <summary>Runs <paramref name="work"/> in a scope of the Default tenant.</summary>
    public async Task<T> InTenantAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        var scope = await Services.GetRequiredService<IShellHost>().GetScopeAsync(ShellSettings.DefaultShellName);
        T result = default!;
        await scope.UsingAsync(async s => result = await work(s.ServiceProvider));
        return result;
    }
}
