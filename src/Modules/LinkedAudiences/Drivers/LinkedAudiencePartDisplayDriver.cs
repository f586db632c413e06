using LinkedAudiences.Models;
using LinkedAudiences.Security;
using LinkedAudiences.Services;
using LinkedAudiences.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using OrchardCore.ContentManagement.Display.ContentDisplay;
using OrchardCore.ContentManagement.Display.Models;
using OrchardCore.DisplayManagement.Views;

namespace LinkedAudiences.Drivers;

/// <summary>Key, graph, definition JSON, schedule and the enabled flag; the checks run when publishing (see LinkedAudiencePartHandler).</summary>
public sealed class LinkedAudiencePartDisplayDriver(
    LinkedAudiencesContent content,
    IAuthorizationService authorizationService,
    IHttpContextAccessor httpContextAccessor,
    BuilderContextSource builderContextSource)
    : ContentPartDisplayDriver<LinkedAudiencePart>
{
    public override IDisplayResult Display(LinkedAudiencePart part, BuildPartDisplayContext context) =>
        Initialize<LinkedAudiencePartViewModel>(GetDisplayShapeType(context), m => Fill(m, part, canRun: false, []))
            .Location("Detail", "Content:5")
            .Location("SummaryAdmin", "Meta:5");

    public override async Task<IDisplayResult> EditAsync(LinkedAudiencePart part, BuildPartEditorContext context)
    {
        var canRun = await CanRunAsync();
        var graphKeys = await content.ListPublishedGraphKeysAsync();
        var builderContext = await builderContextSource.BuildAsync(part.ContentItem?.ContentItemId);
        return Initialize<LinkedAudiencePartViewModel>(GetEditorShapeType(context), m =>
        {
            Fill(m, part, canRun, graphKeys);
            m.BuilderContextJson = builderContext;
        });
    }

    public override async Task<IDisplayResult> UpdateAsync(LinkedAudiencePart part, UpdatePartEditorContext context)
    {
        var model = new LinkedAudiencePartViewModel();
        await context.Updater.TryUpdateModelAsync(model, Prefix);
        if (part.PublishedKey is null)
        {
            part.Key = model.Key?.Trim() ?? string.Empty;
        }

        part.GraphKey = model.GraphKey?.Trim() ?? string.Empty;
        part.Definition = model.Definition ?? string.Empty;
        part.ScheduleKind = model.ScheduleKind;
        part.IntervalMinutes = model.IntervalMinutes;
        part.Days = model.Days ?? [];
        part.TimeOfDay = string.IsNullOrWhiteSpace(model.TimeOfDay) ? null : model.TimeOfDay.Trim();
        if (await CanRunAsync())
        {
            part.Enabled = model.Enabled;
        }

        return await EditAsync(part, context);
    }

    private async Task<bool> CanRunAsync() =>
        httpContextAccessor.HttpContext?.User is { } user
        && await authorizationService.AuthorizeAsync(user, LinkedAudiencesPermissions.RunAudiences);

    private static void Fill(LinkedAudiencePartViewModel model, LinkedAudiencePart part, bool canRun, IReadOnlyList<string> graphKeys)
    {
        model.Key = part.Key;
        model.GraphKey = part.GraphKey;
        model.Definition = part.Definition;
        model.Enabled = part.Enabled;
        model.ScheduleKind = part.ScheduleKind;
        model.IntervalMinutes = part.IntervalMinutes;
        model.Days = part.Days ?? [];
        model.TimeOfDay = part.TimeOfDay;
        model.KeyLocked = part.PublishedKey is not null;
        model.PublishedTarget = part.PublishedTarget;
        model.Status = part.Status;
        model.NextRunAtUtc = part.NextRunAtUtc;
        model.CanRun = canRun;
        model.GraphKeys = graphKeys;
    }
}
