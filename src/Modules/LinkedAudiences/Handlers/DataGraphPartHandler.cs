using LinkedAudiences.Models;
using LinkedAudiences.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.ContentManagement;
using OrchardCore.ContentManagement.Handlers;
using OrchardCore.DisplayManagement.ModelBinding;
using OrchardCore.DisplayManagement.Notify;

namespace LinkedAudiences.Handlers;

/// <summary>
/// A data graph is published only when the engine (and the live warehouse, if configured) accepts it, and is never
/// deleted or unpublished while audiences are built on it.
/// </summary>
public sealed class DataGraphPartHandler(
    IServiceProvider serviceProvider,
    IUpdateModelAccessor updateModelAccessor,
    IHttpContextAccessor httpContextAccessor,
    INotifier notifier,
    IHtmlLocalizer<DataGraphPartHandler> htmlLocalizer)
    : ContentPartHandler<DataGraphPart>
{
    private readonly IHtmlLocalizer H = htmlLocalizer;

    public override async Task PublishingAsync(PublishContentContext context, DataGraphPart part)
    {
        if (!PublishRefusal.Refuse(context, updateModelAccessor, nameof(DataGraphPart), await CheckAsync(context, part)))
        {
            part.PublishedKey ??= part.Key;
            part.Apply();
        }
    }

    public override async Task ValidatingAsync(ValidateContentContext context, DataGraphPart part)
    {
        if (context.ContentItem.Published)
        {
            PublishRefusal.Fail(context, nameof(DataGraphPart), await CheckAsync(context, part));
        }
    }

    public override async Task RemovingAsync(RemoveContentContext context, DataGraphPart part)
    {
        if (context.NoActiveVersionLeft)
        {
            context.Cancel |= await RefuseAsync(context, part, H["deleted"].Value);
        }
    }

    public override async Task UnpublishingAsync(PublishContentContext context, DataGraphPart part) =>
        context.Cancel |= await RefuseAsync(context, part, H["unpublished"].Value);

    private async Task<bool> RefuseAsync(ContentContextBase context, DataGraphPart part, string operation) =>
        await ConsumerRefusal.RefuseAsync(
            await serviceProvider.GetRequiredService<GraphConsumerFinder>().FindAsync(context.ContentItem),
            nameof(DataGraphPart), part.Key, operation, updateModelAccessor, notifier, H);

    // Resolved per call: content handlers are built with the content manager, which these services query through.
    private Task<IReadOnlyList<FieldError>> CheckAsync(ContentContextBase context, DataGraphPart part) =>
        serviceProvider.GetRequiredService<DataGraphChecks>()
            .CheckAsync(context.ContentItem, part, httpContextAccessor.HttpContext?.RequestAborted ?? CancellationToken.None);
}
