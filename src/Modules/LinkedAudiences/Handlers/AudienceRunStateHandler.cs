using LinkedAudiences.Models;
using LinkedAudiences.Services.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrchardCore.ContentManagement;
using OrchardCore.ContentManagement.Handlers;
using OrchardCore.Environment.Shell.Scope;

namespace LinkedAudiences.Handlers;

/// <summary>
/// Keeps an audience's lifecycle state across content versions, and makes publishing with Enabled changed enable
/// (which runs it) or disable it.
/// </summary>
public sealed class AudienceRunStateHandler(ILogger<AudienceRunStateHandler> logger) : ContentPartHandler<LinkedAudiencePart>
{
    public override Task PublishedAsync(PublishContentContext context, LinkedAudiencePart part)
    {
        var key = part.Key;
        var enabled = part.Enabled;
        var enabledBefore = false;

        // The new version starts from the state of the version it replaces (a state change is not an edit).
        if (context.PreviousItem is { } previous && !ReferenceEquals(previous, context.ContentItem) && previous.Has<AudienceRunState>())
        {
            var state = ContentAudienceStore.StateOf(previous);
            enabledBefore = state.Enabled;
            ContentAudienceStore.Apply(context.ContentItem, state);
            context.ContentItem.Alter<LinkedAudiencePart>(p => p.Enabled = enabled);
        }

        if (enabled == enabledBefore || string.IsNullOrEmpty(key))
        {
            return Task.CompletedTask;
        }

        // After this request's session has committed, in a scope of its own: the run's state writes use connections
        // of their own, which on SQLite would wait for this request's write lock.
        ShellScope.AddDeferredTask(async scope =>
        {
            try
            {
                await scope.ServiceProvider.GetRequiredService<AudienceRuns>().SyncEnabledAsync(key, enabled, CancellationToken.None);
            }
#pragma warning disable CA1031 // The publish happened; a failed enable shows on the audience (Failed) or in the log, never as a failed request.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Enabling or disabling audience {AudienceKey} after its publish failed.", key);
            }
        });
        return Task.CompletedTask;
    }

    public override Task RemovedAsync(RemoveContentContext context, LinkedAudiencePart part)
    {
        // Only when the audience is gone (no published or draft version left): its runs, outbox and snapshots go too.
        if (!context.NoActiveVersionLeft || string.IsNullOrEmpty(part.Key))
        {
            return Task.CompletedTask;
        }

        var key = part.Key;
        ShellScope.AddDeferredTask(async scope =>
        {
            try
            {
                await scope.ServiceProvider.GetRequiredService<AudienceRuns>().ForgetAsync(key, CancellationToken.None);
            }
#pragma warning disable CA1031 // The delete happened; leftovers are logged, and the next run of a new audience with this key starts over.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Removing the runs and snapshots of deleted audience {AudienceKey} failed.", key);
            }
        });
        return Task.CompletedTask;
    }
}
