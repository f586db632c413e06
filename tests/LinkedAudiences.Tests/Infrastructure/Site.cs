using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrchardCore.Environment.Shell;
using OrchardCore.Environment.Shell.Scope;

namespace LinkedAudiences.Tests.Infrastructure;

/// <summary>
/// The real demo host in-process with its own App_Data (so AutoSetup sets a fresh SQLite Default tenant up with the
/// demo recipe), ready once <see cref="InitializeAsync"/> returns. One per test class (xunit class fixture); disposing
/// it fails when the host logged any error.
/// </summary>
public sealed class Site : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "Demo-Password-1!";

    private readonly string _appData;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly bool _keepAppData;

    public Site()
        : this(Path.Combine(Path.GetTempPath(), "la-orchard-tests", Guid.NewGuid().ToString("N")), new Dictionary<string, string>(), keepAppData: false)
    {
    }

    private Site(string appData, IReadOnlyDictionary<string, string> settings, bool keepAppData)
    {
        _appData = appData;
        _settings = settings;
        _keepAppData = keepAppData;
    }

    /// <summary>
    /// A host over a given App_Data with extra host settings, for tests that stop a host and start another over the
    /// same data (a restart); the App_Data is kept on dispose when <paramref name="keepAppData"/>.
    /// </summary>
    public static Site Over(string appData, IReadOnlyDictionary<string, string> settings, bool keepAppData) => new(appData, settings, keepAppData);

    public LogSink Logs { get; } = new();

    public string AppData => _appData;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development would switch Razor runtime compilation on, which finds no reference assemblies in a test host.
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services => services.PostConfigure<ShellOptions>(o => o.ShellsApplicationDataPath = _appData));
        // Tests bring their own warehouses: no demo warehouse generated on first start.
        builder.UseSetting("OrchardCore:LinkedAudiences:DemoWarehouse:Profiles", "0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task InitializeAsync()
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // AutoSetup runs inline on the first request and answers 302 when done; requests that wait on its lock get 503.
        for (var attempt = 0; ; attempt++)
        {
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                break;
            }

            if (attempt == 60)
            {
                throw new InvalidOperationException("The site did not finish its setup in a minute.");
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
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            if (!_keepAppData)
            {
                Directory.Delete(_appData, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held by a finishing background task; the temp folder is cleaned by the OS.
        }

        // Every class's site must have run without a logged error (xunit reports a throwing fixture as a failure).
        if (Logs.Errors.Count > 0)
        {
            throw new InvalidOperationException("The host logged errors:" + Environment.NewLine + string.Join(Environment.NewLine, Logs.Errors));
        }
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed (tests assert them).</summary>
    public AdminSession NewSession() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<AdminSession> SignInAsync(string userName, string password)
    {
        var session = NewSession();
        await session.SignInAsync(userName, password);
        return session;
    }

    public Task<AdminSession> SignInAsAdminAsync() => SignInAsync(AdminUserName, AdminPassword);

    /// <summary>Runs <paramref name="work"/> in a scope of the Default tenant (its session is committed at the end).</summary>
    public async Task<T> InTenantAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        var scope = await Services.GetRequiredService<IShellHost>().GetScopeAsync(ShellSettings.DefaultShellName);
        T result = default!;
        await scope.UsingAsync(async s => result = await work(s.ServiceProvider));
        return result;
    }

    public Task InTenantAsync(Func<IServiceProvider, Task> work) =>
        InTenantAsync<bool>(async services =>
        {
            await work(services);
            return true;
        });
}
