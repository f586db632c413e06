using LinkedAudiences.Drivers;
using LinkedAudiences.Handlers;
using LinkedAudiences.Indexes;
using LinkedAudiences.Models;
using LinkedAudiences.Security;
using LinkedAudiences.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.ContentManagement;
using OrchardCore.ContentManagement.Display.ContentDisplay;
using OrchardCore.Data;
using OrchardCore.Data.Migration;
using OrchardCore.DisplayManagement.Handlers;
using OrchardCore.Modules;
using OrchardCore.Navigation;
using OrchardCore.Security.Permissions;
using OrchardCore.Settings;

namespace LinkedAudiences;

public sealed class Startup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddContentPart<DataGraphPart>()
            .UseDisplayDriver<DataGraphPartDisplayDriver>()
            .AddHandler<DataGraphPartHandler>();
        services.AddContentPart<LinkedAudiencePart>()
            .UseDisplayDriver<LinkedAudiencePartDisplayDriver>()
            .AddHandler<LinkedAudiencePartHandler>();
        services.AddContentPart<ActivationPart>()
            .UseDisplayDriver<ActivationPartDisplayDriver>()
            .AddHandler<ActivationPartHandler>();

        services.AddIndexProvider<DataGraphIndexProvider>();
        services.AddIndexProvider<LinkedAudienceIndexProvider>();
        services.AddIndexProvider<ActivationIndexProvider>();
        services.AddDataMigration<Migrations>();

        services.AddScoped<LinkedAudiencesContent>();
        services.AddScoped<ContentAudienceCatalog>();
        services.AddScoped<AudienceConsumerFinder>();
        services.AddScoped<GraphConsumerFinder>();
        services.AddScoped<DataGraphChecks>();
        services.AddScoped<AudienceChecks>();
        services.AddScoped<ActivationChecks>();
        services.AddScoped<WarehouseSecrets>();
        services.AddScoped<WarehouseConnector>();
        services.AddScoped<BuilderContextSource>();
        services.AddScoped<GraphEditorContextSource>();

        services.AddPermissionProvider<Permissions>();
        services.AddScoped<IAuthorizationHandler, ContentTypePermissionsHandler>();
        services.AddNavigationProvider<AdminMenu>();
        services.AddSiteDisplayDriver<LinkedAudiencesSettingsDisplayDriver>();
        services.AddResourceConfiguration<ResourceManagementOptionsConfiguration>();
    }
}
