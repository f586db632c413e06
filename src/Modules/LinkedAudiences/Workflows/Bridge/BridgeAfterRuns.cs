using LinkedAudiences.Services.Runs;
using Microsoft.Extensions.Logging;
using OrchardCore.Entities;
using OrchardCore.Settings;

namespace LinkedAudiences.Workflows.Bridge;

/// <summary>
/// Pumps the bridge right after a run (Run now, enable, a scheduler pass) instead of waiting for the bridge's minute.
/// A pass already under way (the background task's) is not waited for: that pass, or the next one within a minute, carries them.
/// </summary>
public sealed class BridgeAfterRuns(WorkflowBridge bridge, ISiteService siteService, ILogger<BridgeAfterRuns> logger) : IAudienceRunsFinished
{
    public async Task RunsFinishedAsync(CancellationToken cancellationToken)
    {
        var settings = (await siteService.GetSiteSettingsAsync()).GetOrCreate<WorkflowBridgeSettings>();
        if (!settings.PumpAfterRuns)
        {
            return;
        }

        try
        {
            await bridge.PumpAsync(WorkflowBridge.EventsPerPass, TimeSpan.Zero, cancellationToken);
        }
#pragma warning disable CA1031 // The run happened; the background task retries the bridge within a minute.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogWarning(e, "Carrying the audience run's events into workflows after the run failed; the bridge's background task retries.");
        }
    }
}
