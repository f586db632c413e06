using LinkedAudiences.Models;
using LinkedAudiences.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.ContentManagement;
using OrchardCore.ContentManagement.Handlers;
using OrchardCore.DisplayManagement.ModelBinding;

namespace LinkedAudiences.Handlers;

/// <summary>A data graph is published only when the engine (and the live warehouse, if configured) accepts it.</summary>
public sealed class DataGraphPartHandler(IServiceProvider serviceProvider, IUpdateModelAccessor updateModelAccessor, IHttpContextAccessor httpContextAccessor)
    : ContentPartHandler<DataGraphPart>
{
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

    // Resolved per call: content handlers are built with the content manager, which these services query through.
    private Task<IReadOnlyList<FieldError>> CheckAsync(ContentContextBase context, DataGraphPart part) =>
        serviceProvider.GetRequiredService<DataGraphChecks>()
            .CheckAsync(context.ContentItem, part, httpContextAccessor.HttpContext?.RequestAborted ?? CancellationToken.None);
}
