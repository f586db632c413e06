using Fluid;
using LinkedAudiences.Core.Templates;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrchardCore.Liquid;
using OrchardCore.Modules;

namespace LinkedAudiences.Services.Activations;

/// <summary>The activation screens' services: the editor previews.</summary>
public sealed class ActivationScreensStartup : StartupBase
{
    // After DeliveryStartup (20), whose delivery services the screens use.
    public override int Order => 30;

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<ActivationPreviews>();
        services.AddScoped<ActivationEditorContextSource>();
    }
}

/// <summary>
/// With Orchard's Liquid on, mapping templates render through the site's <see cref="ILiquidTemplateManager"/> for
/// delivery, test events, publish checks and the editor's live preview alike (see <see cref="OrchardLiquidTemplateRenderer"/>);
/// without it, DeliveryStartup's sandboxed Fluid renderer stays.
/// </summary>
[RequireFeatures("OrchardCore.Liquid")]
public sealed class ActivationLiquidStartup : StartupBase
{
    public override int Order => 30;

    public override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<ITemplateRenderer>();
        services.AddScoped<ITemplateRenderer>(sp => new OrchardLiquidTemplateRenderer(
            sp.GetRequiredService<ILiquidTemplateManager>(),
            sp.GetRequiredService<IOptions<TemplateOptions>>().Value,
            sp.GetService<IHttpContextAccessor>(),
            sp));
    }
}
