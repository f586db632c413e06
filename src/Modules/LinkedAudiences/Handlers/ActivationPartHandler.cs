using LinkedAudiences.Models;
using LinkedAudiences.Services;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.ContentManagement;
using OrchardCore.ContentManagement.Handlers;
using OrchardCore.DisplayManagement.ModelBinding;

namespace LinkedAudiences.Handlers;

/// <summary>
/// An activation is published only when the engine accepts it against its published audience and data graph; the
/// first publish is remembered, since the activation takes the events of runs from then on.
/// </summary>
public sealed class ActivationPartHandler(IServiceProvider serviceProvider, IUpdateModelAccessor updateModelAccessor, TimeProvider timeProvider)
    : ContentPartHandler<ActivationPart>
{
    public override async Task PublishingAsync(PublishContentContext context, ActivationPart part)
    {
        if (PublishRefusal.Refuse(context, updateModelAccessor, nameof(ActivationPart), await CheckAsync(context.ContentItem)))
        {
            return;
        }

        part.FirstPublishedUtc ??= timeProvider.GetUtcNow().UtcDateTime;
        part.Apply();
    }

    public override async Task ValidatingAsync(ValidateContentContext context, ActivationPart part)
    {
        if (context.ContentItem.Published)
        {
            PublishRefusal.Fail(context, nameof(ActivationPart), await CheckAsync(context.ContentItem));
        }
    }

    private Task<IReadOnlyList<FieldError>> CheckAsync(ContentItem item) =>
        serviceProvider.GetRequiredService<ActivationChecks>().CheckAsync(item);
}
