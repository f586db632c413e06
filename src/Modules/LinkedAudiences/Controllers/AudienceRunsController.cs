using LinkedAudiences.Core.Lifecycle;
using LinkedAudiences.Security;
using LinkedAudiences.Services.Runs;
using LinkedAudiences.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Localization;
using OrchardCore.Admin;
using OrchardCore.DisplayManagement.Notify;

namespace LinkedAudiences.Controllers;

/// <summary>
/// Admin → Audiences → Run status: each audience's status, member count and next run, Enable/Disable, Run now, and its
/// runs. The actions run the audience within the request (the lifecycle waits for the run), then show the overview.
/// </summary>
[Admin("LinkedAudiences/Runs/{action}/{key?}", "LinkedAudiencesRuns{action}")]
public sealed class AudienceRunsController(
    IAuthorizationService authorizationService,
    AudienceRuns runs,
    INotifier notifier,
    IHtmlLocalizer<AudienceRunsController> htmlLocalizer) : Controller
{
    private readonly IHtmlLocalizer H = htmlLocalizer;

    public async Task<IActionResult> Index()
    {
        if (!await authorizationService.AuthorizeAsync(User, LinkedAudiencesPermissions.ViewAudiences))
        {
            return Forbid();
        }

        return View(new AudienceRunsIndexViewModel { Audiences = await runs.Audiences.ListAudiencesAsync(HttpContext.RequestAborted) });
    }

    public async Task<IActionResult> Overview(string key)
    {
        if (!await authorizationService.AuthorizeAsync(User, LinkedAudiencesPermissions.ViewAudiences))
        {
            return Forbid();
        }

        var audience = await runs.Audiences.GetAudienceAsync(key ?? string.Empty, null, HttpContext.RequestAborted);
        if (audience is null)
        {
            return NotFound();
        }

        return View(new AudienceOverviewViewModel
        {
            Audience = audience,
            Runs = await runs.ListRunsAsync(audience.Key, HttpContext.RequestAborted),
            CanRun = await authorizationService.AuthorizeAsync(User, LinkedAudiencesPermissions.RunAudiences),
        });
    }

    [HttpPost]
    public Task<IActionResult> Enable(string key) => ActAsync(key, async ct =>
    {
        var state = await runs.EnableAsync(key, ct);
        await (state.StatusReason is { } reason
            ? notifier.WarningAsync(H["Audience '{0}' is enabled; its run failed: {1}", key, reason])
            : notifier.SuccessAsync(H["Audience '{0}' is enabled and ran: {1} members.", key, state.LastMemberCount ?? 0]));
    });

    [HttpPost]
    public Task<IActionResult> Disable(string key) => ActAsync(key, async ct =>
    {
        await runs.DisableAsync(key, ct);
        await notifier.SuccessAsync(H["Audience '{0}' is disabled.", key]);
    });

    [HttpPost]
    public Task<IActionResult> RunNow(string key) => ActAsync(key, async ct =>
    {
        var result = await runs.RunNowAsync(key, ct);
        await (result.Error is { } error
            ? notifier.WarningAsync(H["The run of audience '{0}' failed: {1}", key, error])
            : notifier.SuccessAsync(H["Audience '{0}' ran: {1} members, {2} entered, {3} exited.",
                key, result.Run?.Summary.Members ?? 0, result.Run?.Summary.Entered ?? 0, result.Run?.Summary.Exited ?? 0]));
    });

    private async Task<IActionResult> ActAsync(string key, Func<CancellationToken, Task> action)
    {
        if (!await authorizationService.AuthorizeAsync(User, LinkedAudiencesPermissions.RunAudiences))
        {
            return Forbid();
        }

        if (await runs.Audiences.GetAudienceAsync(key ?? string.Empty, null, HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        try
        {
            await action(HttpContext.RequestAborted);
        }
        catch (AudienceLifecycleException e)
        {
            await notifier.ErrorAsync(H["{0}", e.Message]);
        }

        return RedirectToAction(nameof(Overview), new { key });
    }
}
