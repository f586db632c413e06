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
        if (!context.NoActiveVersionLeft)
        {
            return;
        }

        var consumers = await serviceProvider.GetRequiredService<AudienceConsumerFinder>().FindAsync(context.ContentItem);
        if (consumers.Count == 0)
        {
            return;
        }

        context.Cancel = true;
        var list = string.Join("; ", consumers);
        updateModelAccessor.ModelUpdater?.ModelState.AddModelError(nameof(LinkedAudiencePart) + ".Consumers", list);
        await notifier.ErrorAsync(H["The audience '{0}' was not deleted: it is consumed by {1}. Remove those references first.", part.Key, list]);
    }

    private Task<IReadOnlyList<FieldError>> CheckAsync(ContentContextBase context, LinkedAudiencePart part) =>
        serviceProvider.GetRequiredService<AudienceChecks>()
            .CheckAsync(context.ContentItem, part, httpContextAccessor.HttpContext?.RequestAborted ?? CancellationToken.None);
}
