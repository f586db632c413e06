using Microsoft.Extensions.DependencyInjection;
using OrchardCore.BackgroundTasks;

namespace LinkedAudiences.Workflows.Bridge;

/// <summary>Every minute, per tenant: carries new outbox events and finished runs into workflows (see <see cref="WorkflowBridge"/>).</summary>
[BackgroundTask(
    Title = "Linked Audiences workflow bridge",
    Schedule = "* * * * *",
    Description = "Starts the workflows that listen to audience changes and runs, once per event.")]
public sealed class WorkflowBridgeBackgroundTask : IBackgroundTask
{
    public async Task DoWorkAsync(IServiceProvider serviceProvider, CancellationToken cancellationToken) =>
        // A pass already under way (Run now's, another host's) is not waited for: this one comes again in a minute.
        await serviceProvider.GetRequiredService<WorkflowBridge>().PumpAsync(WorkflowBridge.EventsPerPass, TimeSpan.Zero, cancellationToken);
}
