using LinkedAudiences.Services.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrchardCore.BackgroundTasks;

namespace LinkedAudiences.BackgroundTasks;

/// <summary>
/// Every minute, per tenant: runs the enabled audiences whose next run has come and resumes runs a stopped host left
/// unfinished. The run lease in the tenant's database keeps instances that share it from running one audience twice.
/// </summary>
[BackgroundTask(
    Title = "Linked Audiences scheduler",
    Schedule = "* * * * *",
    Description = "Runs the linked audiences that are due and resumes interrupted runs.")]
public sealed class AudienceSchedulerBackgroundTask : IBackgroundTask
{
    public async Task DoWorkAsync(IServiceProvider serviceProvider, CancellationToken cancellationToken)
    {
        var results = await serviceProvider.GetRequiredService<AudienceRuns>().TickAsync(cancellationToken);
        var logger = serviceProvider.GetRequiredService<ILogger<AudienceSchedulerBackgroundTask>>();
        foreach (var failed in results.Where(r => r.Error is not null))
        {
            logger.LogWarning("The scheduled run of audience {AudienceKey} failed: {Error}", failed.AudienceKey, failed.Error);
        }
    }
}
