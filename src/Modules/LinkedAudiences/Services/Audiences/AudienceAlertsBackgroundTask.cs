using Microsoft.Extensions.DependencyInjection;
using OrchardCore.BackgroundTasks;

namespace LinkedAudiences.Services.Audiences;

/// <summary>
/// Every minute, per tenant: evaluates the size-change alerts of audiences that ran since their alerts were last
/// evaluated (scheduled runs; Run now and Enable on the audience screens evaluate at once).
/// </summary>
[BackgroundTask(
    Title = "Linked Audiences alerts",
    Schedule = "* * * * *",
    Description = "Evaluates linked audience size-change alerts after each run.")]
public sealed class AudienceAlertsBackgroundTask : IBackgroundTask
{
    public async Task DoWorkAsync(IServiceProvider serviceProvider, CancellationToken cancellationToken)
    {
        var screens = serviceProvider.GetRequiredService<AudienceScreens>();
        var runner = serviceProvider.GetRequiredService<AudienceAlertRunner>();
        foreach (var audience in (await screens.ListAsync(null)).Where(a => a.Published && a.Part.Alerts.Count > 0))
        {
            await runner.EvaluateAsync(audience.ContentItemId, cancellationToken);
        }
    }
}
