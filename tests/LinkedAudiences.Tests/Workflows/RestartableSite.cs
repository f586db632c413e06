using System.Net;
using LinkedAudiences.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrchardCore.Environment.Shell;

namespace LinkedAudiences.Tests.Workflows;

/// <summary>
/// The demo host over a given App_Data folder, so a test can stop it and start another host on the same database (a
/// restart). Background tasks poll once an hour: the test drives the bridge itself, and the first host's pass must
/// stop where the test stopped it.
/// </summary>
public sealed class RestartableSite(string appData) : WebApplicationFactory<Program>
{
    public LogSink Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services => services.PostConfigure<ShellOptions>(o => o.ShellsApplicationDataPath = appData));
        builder.UseSetting("OrchardCore:LinkedAudiences:DemoWarehouse:Profiles", "0");
        builder.UseSetting("OrchardCore:OrchardCore_BackgroundService:PollingTime", "01:00:00");
    }

    /// <summary>Sets the site up on the first start (AutoSetup), or waits for the existing one to answer.</summary>
    public async Task StartAsync()
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var attempt = 0; ; attempt++)
        {
            using var response = await client.GetAsync(new Uri("/Login", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            if (attempt == 120)
            {
                throw new InvalidOperationException($"/Login answers {(int)response.StatusCode} after start.");
            }

            await Task.Delay(500);
        }
    }

    public async Task<AdminSession> SignInAsAdminAsync()
    {
        var session = new AdminSession(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        await session.SignInAsync(Site.AdminUserName, Site.AdminPassword);
        return session;
    }
}
