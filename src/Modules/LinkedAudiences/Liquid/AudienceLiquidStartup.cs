using Microsoft.Extensions.DependencyInjection;
using OrchardCore.Liquid;
using OrchardCore.Modules;

namespace LinkedAudiences.Liquid;

/// <summary>
/// The audience Liquid filters, for any Orchard Liquid template (theme templates, workflow expressions, Liquid
/// fields): <c>audience_size</c>, <c>audience_last_run</c>, <c>audience_member</c>, <c>audience_values</c>.
/// Each needs the current user to hold ViewAudiences; without it they answer nil.
/// </summary>
[RequireFeatures("OrchardCore.Liquid")]
public sealed class AudienceLiquidStartup : StartupBase
{
    // After RunsStartup, whose tenant state store and audience store the filters read.
    public override int Order => 20;

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<AudienceTemplateData>();
        services.AddLiquidFilter<AudienceSizeFilter>("audience_size");
        services.AddLiquidFilter<AudienceLastRunFilter>("audience_last_run");
        services.AddLiquidFilter<AudienceMemberFilter>("audience_member");
        services.AddLiquidFilter<AudienceValuesFilter>("audience_values");
    }
}
