using System.Globalization;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Drivers;
using LinkedAudiences.Models;
using LinkedAudiences.Security;
using LinkedAudiences.Services.Activations;
using LinkedAudiences.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardCore.Admin;
using OrchardCore.ContentManagement;
using YesSql;

namespace LinkedAudiences.Controllers;

/// <summary>
/// The activation screens beside its editor: the editor's live payload preview (JSON, called as the user types),
/// the test event screen and the delivery overview. Changing things needs ManageActivations; the overview needs
/// ViewAudiences. Posts carry the anti-forgery token.
/// </summary>
[Admin("LinkedAudiences/Activations/{action}/{id?}", "LinkedAudiencesActivations{action}")]
public sealed class ActivationScreensController(
    IAuthorizationService authorizationService,
    IContentManager contents,
    YesSql.ISession session,
    ISecretProtector secrets,
    IStringLocalizer<ActivationScreensController> localizer) : Controller
{
    private readonly IStringLocalizer S = localizer;

    /// <summary>The editor's form as it stands (saved or not) rendered for one real member: schema, payload or the template error.</summary>
    [HttpPost]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Preview(string? id, string? previewMember, string? previewEntityKey, [FromServices] ActivationPreviews previews)
    {
        if (!await authorizationService.AuthorizeAsync(User, LinkedAudiencesPermissions.ManageActivations))
        {
            return Forbid();
        }

        var form = new ActivationPartViewModel();
        await TryUpdateModelAsync(form, nameof(ActivationPart));
        var item = await contents.NewAsync(ContentTypes.Activation);
        item.ContentItemId = string.IsNullOrEmpty(id) ? "preview" : id;
        var part = item.GetOrCreate<ActivationPart>();
        ActivationPartDisplayDriver.ToInput(form).Apply(part, secrets);
        item.Apply(part);
        if (Services.Activations.ActivationMapper.ToActivation(item) is not { } activation)
        {
            return Json(new { message = S["Choose a trigger and a destination to preview the payload."].Value });
        }

        var result = await previews.PreviewAsync(activation, previewMember, previewEntityKey, HttpContext.RequestAborted);
        return Json(new
        {
            member = result.Member,
            schema = result.Schema.Select(f => new { path = f.Path, type = f.Type }),
            payload = result.Payload,
            error = result.TemplateError is { } e ? new { message = e.Message, line = e.Line, column = e.Column } : null,
            message = result.Message,
        });
    }

    public async Task<IActionResult> TestEvent(string id)
    {
        if (!await authorizationService.AuthorizeAsync(User, LinkedAudiencesPermissions.ManageActivations))
        {
            return Forbid();
        }

        var item = await PublishedAsync(id);
        return item is null ? NotFound() : View(new ActivationTestEventViewModel { Id = item.ContentItemId, Title = item.DisplayText ?? item.ContentItemId });
    }

    [HttpPost]
    [ValidateAntiForgeryToken]
    [ActionName(nameof(TestEvent))]
    public async Task<IActionResult> TestEventPost(string id, string? userId, [FromServices] ActivationDelivery delivery)
    {
        if (!await authorizationService.AuthorizeAsync(User, LinkedAudiencesPermissions.ManageActivations))
        {
            return Forbid();
        }

        var item = await PublishedAsync(id);
        if (item is null)
        {
            return NotFound();
        }

        var model = new ActivationTestEventViewModel { Id = item.ContentItemId, Title = item.DisplayText ?? item.ContentItemId, UserId = userId };
        if (string.IsNullOrWhiteSpace(userId))
        {
            ModelState.AddModelError(nameof(model.UserId), S["Give the user id (profile key) to send the test event for."]);
        }
        else if (Services.Activations.ActivationMapper.ToActivation(item) is not { } activation)
        {
            ModelState.AddModelError(nameof(model.UserId), S["This activation's destination is not delivered over the network."]);
        }
        else
        {
            model.Result = await delivery.SendTestEventAsync(activation, userId.Trim(), HttpContext.RequestAborted);
            model.Sent = true;
        }

        return View(nameof(TestEvent), model);
    }

    /// <summary>Per event kind: from the audience, filtered (why), pending, retrying, failed (last error), delivered, and counts per bucket.</summary>
    public async Task<IActionResult> Delivery(string id, int? days, int? bucketHours, [FromServices] ActivationDelivery delivery)
    {
        if (!await authorizationService.AuthorizeAsync(User, LinkedAudiencesPermissions.ViewAudiences))
        {
            return Forbid();
        }

        var item = await PublishedAsync(id);
        if (item is null)
        {
            return NotFound();
        }

        // Bounded so a hand-written query string cannot ask for millions of buckets.
        var range = TimeSpan.FromDays(Math.Clamp(days ?? 7, 1, 366));
        var bucket = TimeSpan.FromHours(Math.Clamp(bucketHours ?? 24, 1, 24 * 31));
        var to = delivery.Time.GetUtcNow();
        var overview = await delivery.OverviewAsync(item.ContentItemId, to - range, to, bucket, HttpContext.RequestAborted);
        ViewData["Days"] = ((int)range.TotalDays).ToString(CultureInfo.InvariantCulture);
        ViewData["BucketHours"] = ((int)bucket.TotalHours).ToString(CultureInfo.InvariantCulture);
        return View(new ActivationDeliveryViewModel
        {
            Id = item.ContentItemId,
            Title = item.DisplayText ?? item.ContentItemId,
            AudienceKey = item.GetOrCreate<ActivationPart>().AudienceKey,
            Overview = overview,
            CanManage = await authorizationService.AuthorizeAsync(User, LinkedAudiencesPermissions.ManageActivations),
        });
    }

    private Task<ContentItem?> PublishedAsync(string? id) =>
        session.Query<ContentItem, Indexes.ActivationIndex>(x => x.ContentItemId == (id ?? string.Empty) && x.Published)
            .FirstOrDefaultAsync(HttpContext.RequestAborted)!;
}
