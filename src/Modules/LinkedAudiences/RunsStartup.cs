using LinkedAudiences.BackgroundTasks;
using LinkedAudiences.Handlers;
using LinkedAudiences.Models;
using LinkedAudiences.Services.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrchardCore.BackgroundTasks;
using OrchardCore.ContentManagement;
using OrchardCore.Modules;
using OrchardCore.Navigation;

namespace LinkedAudiences;

/// <summary>Runs inside Orchard: the tenant's state store, the content-backed audience store, the scheduler task, Run now, the JSON API.</summary>
public sealed class RunsStartup : StartupBase
{
    // After the content parts are registered (Startup's default order 0).
    public override int Order => 10;

    public override void ConfigureServices(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TenantStateStore>();
        services.AddScoped<ContentAudienceStore>();
        services.AddScoped<AudienceRuns>();
        services.AddSingleton<IBackgroundTask, AudienceSchedulerBackgroundTask>();
        services.AddContentPart<LinkedAudiencePart>().AddHandler<AudienceRunStateHandler>();
        services.AddNavigationProvider<RunsAdminMenu>();
        services.AddScoped<DemoWarehouseSetup>();
        services.AddScoped<IModularTenantEvents>(sp => sp.GetRequiredService<DemoWarehouseSetup>());
    }

    public override void Configure(IApplicationBuilder app, IEndpointRouteBuilder routes, IServiceProvider serviceProvider) =>
        Api.LinkedAudiencesApi.Map(routes);
}
