using LinkedAudiences.Models;
using LinkedAudiences.Services.Activations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrchardCore.ContentManagement.Handlers;
using OrchardCore.Environment.Shell.Scope;

namespace LinkedAudiences.Handlers;

/// <summary>
/// Keeps the tenant's delivery state in step with the activation items: a published activation asking for "send
/// events for current members" gets them enqueued (once: the store skips known messageIds), a deleted one loses its
/// cursor and records. Both after the request's session has committed, in a scope of their own: the delivery store
/// writes through connections of its own, which on SQLite would wait for this request's write lock.
/// </summary>
public sealed class ActivationDeliveryStateHandler(ILogger<ActivationDeliveryStateHandler> logger) : ContentPartHandler<ActivationPart>
{
    public override Task PublishedAsync(PublishContentContext context, ActivationPart part)
    {
        if (!part.Enabled || !part.SendExistingMembers || ActivationMapper.ToActivation(context.ContentItem) is not { } activation)
        {
            return Task.CompletedTask;
        }

        Defer("Enqueueing the current members for activation {ActivationKey} failed.", activation.Key,
            (delivery, ct) => delivery.EnqueueExistingMembersAsync(activation, ct));
        return Task.CompletedTask;
    }

    public override Task RemovedAsync(RemoveContentContext context, ActivationPart part)
    {
        if (context.NoActiveVersionLeft)
        {
            var key = context.ContentItem.ContentItemId;
            Defer("Forgetting the delivery state of activation {ActivationKey} failed.", key, (delivery, ct) => delivery.ForgetAsync(key, ct));
        }

        return Task.CompletedTask;
    }

    private void Defer(string failure, string key, Func<ActivationDelivery, CancellationToken, Task> work) =>
        ShellScope.AddDeferredTask(async scope =>
        {
            try
            {
                await work(scope.ServiceProvider.GetRequiredService<ActivationDelivery>(), CancellationToken.None);
            }
#pragma warning disable CA1031 // The content change happened; a failed follow-up shows in the log, never as a failed request.
            catch (Exception e)
#pragma warning restore CA1031
            {
#pragma warning disable CA2254 // The message templates are the constants above.
                logger.LogWarning(e, failure, key);
#pragma warning restore CA2254
            }
        });
}
