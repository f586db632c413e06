extern alias web;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.Environment.Shell;

namespace LinkedAudiences.Benchmarks.Preview;

/// <summary>
/// The real demo host (AutoSetup, SQLite, the demo recipe) on loopback Kestrel with an App_Data folder of its own, its
/// demo warehouse generated on first start with <c>OrchardCore:LinkedAudiences:DemoWarehouse:Profiles</c> profiles.
/// </summary>
internal sealed class PreviewHost(int profiles) : WebApplicationFactory<web::Program>
{
    private readonly string _appData = Path.Combine(Path.GetTempPath(), "la-bench-preview", Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>
    /// The host project's folder as content root: the factory's own lookup (an attribute written into test assemblies)
    /// does not find it from this executable.
    /// </summary>
    public static void UseRepositoryContentRoot() =>
        Environment.SetEnvironmentVariable(
            "ASPNETCORE_TEST_CONTENTROOT_LINKEDAUDIENCES_WEB",
            Path.Combine(RepositoryFiles.Root, "src", "Host", "LinkedAudiences.Web"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development would switch Razor runtime compilation on, which finds no reference assemblies here.
        builder.UseEnvironment("Production");
        builder.UseSetting("OrchardCore:LinkedAudiences:DemoWarehouse:Profiles", profiles.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services => services.PostConfigure<ShellOptions>(o => o.ShellsApplicationDataPath = _appData));
    }

    /// <summary>Starts Kestrel on a free loopback port and waits until AutoSetup is done and the sign-in page answers.</summary>
    public async Task StartAsync()
    {
        UseRepositoryContentRoot();
        UseKestrel(0);
        StartServer();
        BaseAddress = ClientOptions.BaseAddress;
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        for (var attempt = 0; ; attempt++)
        {
            // AutoSetup runs on the first request; the tenant's next activation generates the demo warehouse.
            using var response = await client.GetAsync(new Uri("/Login", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            if (attempt == 600)
            {
                throw new InvalidOperationException($"/Login still answers {(int)response.StatusCode} after 10 minutes.");
            }

            await Task.Delay(1000);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
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
}
