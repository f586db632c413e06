using System.Globalization;
using LinkedAudiences.Core.Delivery.Alerts;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.BackgroundTasks;
using OrchardCore.Environment.Shell.Configuration;
using OrchardCore.Modules;

namespace LinkedAudiences.Services.Audiences;

/// <summary>The audience screens (list, overview, runs, settings, consumers, alerts) and the size-change alerts behind them.</summary>
public sealed class AudiencesStartup : StartupBase
{
    // After RunsStartup (the run machinery these screens drive).
    public override int Order => 20;

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<AudienceScreens>();
        services.AddScoped<AudienceItemWriter>();
        services.AddScoped<AudienceExplorer>();
        services.AddScoped<AudienceAlertRunner>();
        services.AddHttpClient(nameof(AudienceAlertRunner), client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddScoped(sp => new AudienceAlertSmtp(SmtpOptions(sp.GetRequiredService<IShellConfiguration>())));
        services.AddSingleton<IBackgroundTask, AudienceAlertsBackgroundTask>();
    }

    private static SmtpAlertOptions? SmtpOptions(IShellConfiguration configuration)
    {
        var host = configuration["LinkedAudiences:Alerts:Smtp:Host"];
        var from = configuration["LinkedAudiences:Alerts:Smtp:From"];
        if (string.IsNullOrWhiteSpace(host) || string.IsNullOrWhiteSpace(from))
        {
            return null;
        }

        var port = int.TryParse(configuration["LinkedAudiences:Alerts:Smtp:Port"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 25;
        var ssl = bool.TryParse(configuration["LinkedAudiences:Alerts:Smtp:EnableSsl"], out var s) && s;
        return new SmtpAlertOptions(host, port, from, ssl);
    }
}
