using LinkedAudiences.Workflows.Activities;
using LinkedAudiences.Workflows.Bridge;
using LinkedAudiences.Workflows.Drivers;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.BackgroundTasks;
using OrchardCore.Data.Migration;
using OrchardCore.DisplayManagement.Handlers;
using OrchardCore.Modules;
using OrchardCore.Workflows.Helpers;

namespace LinkedAudiences.Workflows;

/// <summary>The LinkedAudiences.Workflows feature: audience activities in the workflow designer and the outbox-to-workflow bridge.</summary>
[RequireFeatures("OrchardCore.Workflows")]
[Feature("LinkedAudiences.Workflows")]
public sealed class Startup : StartupBase
{
    // After the module's own startups (the run machinery this feature uses).
    public override int Order => 20;

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<AudienceOptions>();
        services.AddScoped<AudienceMembership>();
        services.AddScoped<WorkflowBridge>();
        services.AddSingleton<IBackgroundTask, WorkflowBridgeBackgroundTask>();
        services.AddDataMigration<WorkflowBridgeMigrations>();
        services.AddSiteDisplayDriver<WorkflowBridgeSettingsDisplayDriver>();

        services.AddActivity<ProfileEnteredAudienceEvent, AudienceEventDisplayDriver<ProfileEnteredAudienceEvent>>();
        services.AddActivity<ProfileExitedAudienceEvent, AudienceEventDisplayDriver<ProfileExitedAudienceEvent>>();
        services.AddActivity<EntityEnteredAudienceEvent, AudienceEventDisplayDriver<EntityEnteredAudienceEvent>>();
        services.AddActivity<EntityExitedAudienceEvent, AudienceEventDisplayDriver<EntityExitedAudienceEvent>>();
        services.AddActivity<AudienceMembershipChangedEvent, AudienceEventDisplayDriver<AudienceMembershipChangedEvent>>();
        services.AddActivity<AudienceValuesChangedEvent, AudienceEventDisplayDriver<AudienceValuesChangedEvent>>();
        services.AddActivity<AudienceRunCompletedEvent, AudienceEventDisplayDriver<AudienceRunCompletedEvent>>();
        services.AddActivity<AudienceRunFailedEvent, AudienceEventDisplayDriver<AudienceRunFailedEvent>>();
        services.AddActivity<RunLinkedAudienceTask, RunLinkedAudienceTaskDisplayDriver>();
        services.AddActivity<CheckAudienceMembershipTask, CheckAudienceMembershipTaskDisplayDriver>();
    }
}
