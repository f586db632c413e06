using LinkedAudiences.Models;
using LinkedAudiences.Services;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.ContentManagement.Handlers;
using OrchardCore.DisplayManagement.ModelBinding;

namespace LinkedAudiences.Handlers;

/// <summary>An activation is published only for a published audience, with a known trigger and destination.</summary>
public sealed class ActivationPartHandler(IServiceProvider serviceProvider, IUpdateModelAccessor updateModelAccessor)
    : ContentPartHandler<ActivationPart>
{
    public override async Task PublishingAsync(PublishContentContext context, ActivationPart part) =>
        PublishRefusal.Refuse(context, updateModelAccessor, nameof(ActivationPart), await CheckAsync(part));

    public override async Task ValidatingAsync(ValidateContentContext context, ActivationPart part)
    {
        if (context.ContentItem.Published)
        {
            PublishRefusal.Fail(context, nameof(ActivationPart), await CheckAsync(part));
        }
    }

    private Task<IReadOnlyList<FieldError>> CheckAsync(ActivationPart part) =>
        serviceProvider.GetRequiredService<ActivationChecks>().CheckAsync(part);
}
