using LinkedAudiences.Core.Validation;
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
/// An audience is published only when the engine accepts it against its graph and the other audiences, with the
/// target it was first published with; it is never deleted while other audiences or activations consume it.
/// </summary>
public sealed class LinkedAudiencePartHandler(
    IServiceProvider serviceProvider,
    IUpdateModelAccessor updateModelAccessor,
    IHttpContextAccessor httpContextAccessor,
    INotifier notifier,
    IHtmlLocalizer<LinkedAudiencePartHandler> htmlLocalizer)
    : ContentPartHandler<LinkedAudiencePart>
{
    private readonly IHtmlLocalizer H = htmlLocalizer;

    public override async Task PublishingAsync(PublishContentContext context, LinkedAudiencePart part)
    {
        if (PublishRefusal.Refuse(context, updateModelAccessor, nameof(LinkedAudiencePart), await CheckAsync(context, part)))
        {
            return;
        }

        part.PublishedKey ??= part.Key;
        part.PublishedTarget ??= AudienceChecks.TargetName(DefinitionReader.Read(part.Definition).Value?.Target);
        part.Apply();
    }

    public override async Task ValidatingAsync(ValidateContentContext context, LinkedAudiencePart part)
    {
        if (context.ContentItem.Published)
        {
            PublishRefusal.Fail(context, nameof(LinkedAudiencePart), await CheckAsync(context, part));
        }
    }

    public override async Task RemovingAsync(RemoveContentContext context, LinkedAudiencePart part)
    {
        // Discarding a draft leaves the published audience in place: nothing that consumes it breaks.
        if (context.NoActiveVersionLeft)
        {
            context.Cancel |= await RefuseAsync(context, part, H["deleted"].Value);
        }
    }

    public override async Task UnpublishingAsync(PublishContentContext context, LinkedAudiencePart part)
    {
        // Part-of-audience conditions read published definitions: unpublishing would break the consumers' next run.
        context.Cancel |= await RefuseAsync(context, part, H["unpublished"].Value);
    }

    private async Task<bool> RefuseAsync(ContentContextBase context, LinkedAudiencePart part, string operation) =>
        await ConsumerRefusal.RefuseAsync(
            await serviceProvider.GetRequiredService<AudienceConsumerFinder>().FindAsync(context.ContentItem),
            nameof(LinkedAudiencePart), part.Key, operation, updateModelAccessor, notifier, H);

    private Task<IReadOnlyList<FieldError>> CheckAsync(ContentContextBase context, LinkedAudiencePart part) =>
        serviceProvider.GetRequiredService<AudienceChecks>()
            .CheckAsync(context.ContentItem, part, httpContextAccessor.HttpContext?.RequestAborted ?? CancellationToken.None);
}
