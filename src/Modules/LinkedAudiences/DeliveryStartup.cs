using LinkedAudiences.BackgroundTasks;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Templates;
using LinkedAudiences.Handlers;
using LinkedAudiences.Models;
using LinkedAudiences.Services.Activations;
using LinkedAudiences.Storage.Secrets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.BackgroundTasks;
using OrchardCore.ContentManagement;
using OrchardCore.Environment.Shell.Configuration;
using OrchardCore.Modules;

namespace LinkedAudiences;

/// <summary>
/// Activations delivered inside Orchard: the destination secrets over the tenant's Data Protection keys, the Liquid
/// renderer for mappings, enrichment for runs, the delivery background task, and the audience-publish handler that
/// disables activations an edit broke.
/// </summary>
public sealed class DeliveryStartup(IShellConfiguration configuration) : StartupBase
{
    // After RunsStartup (10): it registers the TimeProvider and the tenant state store this wiring uses.
    public override int Order => 20;

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ISecretProtector>(sp => new DataProtectionSecretProtector(sp.GetRequiredService<IDataProtectionProvider>()));
        services.AddSingleton<ITemplateRenderer>(_ => new FluidTemplateRenderer());
        services.Configure<ActivationDeliveryOptions>(configuration.GetSection(ActivationDeliveryOptions.Section));
        services.AddHttpClient(ActivationDelivery.HttpClientName);
        services.AddScoped<ActivationCatalog>();
        services.AddScoped<IEnrichmentSpecSource, ActivationEnrichmentSpecSource>();
        services.AddScoped<ActivationDelivery>();
        services.AddSingleton<IBackgroundTask, ActivationDeliveryBackgroundTask>();
        services.AddContentPart<LinkedAudiencePart>().AddHandler<ActivationImpactHandler>();
        services.AddContentPart<ActivationPart>().AddHandler<ActivationDeliveryStateHandler>();
    }
}
