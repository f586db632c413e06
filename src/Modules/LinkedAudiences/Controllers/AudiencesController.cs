using System.Globalization;
using LinkedAudiences.Core.Lifecycle;
using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Models;
using LinkedAudiences.Security;
using LinkedAudiences.Services;
using LinkedAudiences.Services.Audiences;
using LinkedAudiences.Services.Runs;
using LinkedAudiences.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OrchardCore.Admin;
using OrchardCore.ContentManagement;
using OrchardCore.DisplayManagement.Notify;
using OrchardCore.Environment.Shell.Scope;
using OrchardCore.Security.Permissions;

namespace LinkedAudiences.Controllers;

/// <summary>
/// The audience screens: the list (filterable by folder) and one audience's tabs — Overview (status, schedule, runs,
/// enable/disable, Run now, clone, delete, explorer, activations), Builder (the content editor), Runs, Settings,
/// Consumers and Alerts. Reading needs ViewAudiences; settings, alerts, clone and delete EditAudiences; enable,
/// disable and Run now RunAudiences. Every POST carries the anti-forgery token (Orchard validates it globally).
/// </summary>
[Admin("LinkedAudiences/Audiences/{action}/{id?}", "LinkedAudiencesAudiences{action}")]
public sealed class AudiencesController(
    IAuthorizationService authorizationService,
    AudienceScreens screens,
    AudienceExplorer explorer,
    AudienceItemWriter writer,
    AudienceAlertRunner alerts,
    AudienceRuns runs,
    TenantStateStore tenantState,
    LinkedAudiencesContent content,
    AudienceConsumerFinder consumerFinder,
    IContentManager contentManager,
    INotifier notifier,
    IHtmlLocalizer<AudiencesController> htmlLocalizer,
    IStringLocalizer<AudiencesController> stringLocalizer) : Controller
{
    private const string DeleteRefusedKey = "LinkedAudiences.DeleteRefusedBy";

    private readonly IHtmlLocalizer H = htmlLocalizer;
    private readonly IStringLocalizer S = stringLocalizer;

    public async Task<IActionResult> Index(string? folder)
    {
        if (!await CanAsync(LinkedAudiencesPermissions.ViewAudiences))
        {
            return Forbid();
        }

        folder = string.IsNullOrWhiteSpace(folder) ? null : folder.Trim();
        var audiences = await screens.ListAsync(folder);
        return View(new AudienceListViewModel
        {
            Audiences = [.. audiences.Select(a => new AudienceListRow(
                a.ContentItemId, a.Name, a.Key, a.Published, a.State.Status, a.State.LastMemberCount, a.State.NextRunAt, a.State.LastRunAt, a.Part.Folder))],
            Folders = await screens.ListFoldersAsync(),
            Folder = folder,
            CanEdit = await CanAsync(LinkedAudiencesPermissions.EditAudiences),
        });
    }

    public Task<IActionResult> Overview(string id, int page = 1) => ShowAsync(id, async audience =>
    {
        var ct = HttpContext.RequestAborted;
        var latest = audience.Published && !string.IsNullOrEmpty(audience.Key) ? await runs.ListRunsAsync(audience.Key, ct) : [];
        return View(nameof(Overview), new AudienceOverviewScreenViewModel
        {
            Audience = audience,
            CanEdit = await CanAsync(LinkedAudiencesPermissions.EditAudiences),
            CanRun = await CanAsync(LinkedAudiencesPermissions.RunAudiences),
            LatestRun = latest.Count > 0 ? latest[0] : null,
            Explorer = await explorer.ReadAsync(audience, page, ct),
            Activations = await screens.ActivationsAsync(audience),
            DeleteRefusedBy = TempData[DeleteRefusedKey] is string refused ? refused.Split('\n') : [],
        });
    });

    /// <summary>The Builder tab is the content editor (the audience builder lives there).</summary>
    public Task<IActionResult> Builder(string id) => ShowAsync(id, audience =>
        Task.FromResult<IActionResult>(Redirect(Url.Action("Edit", "Admin", new
        {
            area = "OrchardCore.Contents",
            contentItemId = audience.ContentItemId,
            returnUrl = Url.Action(nameof(Overview), new { id = audience.ContentItemId }),
        })!)));

    public Task<IActionResult> Runs(string id) => ShowAsync(id, async audience => View(nameof(Runs), new AudienceRunsScreenViewModel
    {
        Audience = audience,
        Runs = audience.Published && !string.IsNullOrEmpty(audience.Key) ? await runs.ListRunsAsync(audience.Key, HttpContext.RequestAborted) : [],
    }));

    public Task<IActionResult> Settings(string id) => ShowAsync(id, async audience => View(nameof(Settings), new AudienceSettingsScreenViewModel
    {
        Audience = audience,
        CanEdit = await CanAsync(LinkedAudiencesPermissions.EditAudiences),
        Input = AudienceSettingsInput.From(audience),
    }));

    [HttpPost]
    [ActionName(nameof(Settings))]
    public Task<IActionResult> SaveSettings(string id, [Bind(Prefix = "Input")] AudienceSettingsInput input) =>
        ChangeAsync(id, LinkedAudiencesPermissions.EditAudiences, async audience =>
        {
            ArgumentNullException.ThrowIfNull(input);
            var schedule = AudienceSettingsRules.Check(input, ModelState, "Input", S);
            if (!ModelState.IsValid || schedule is null)
            {
                return View(nameof(Settings), new AudienceSettingsScreenViewModel { Audience = audience, CanEdit = true, Input = input });
            }

            var name = input.Name!.Trim();
            await writer.AlterAsync(audience.ContentItemId, (item, part) =>
            {
                item.DisplayText = name;
                item.Alter<TitleElement>("TitlePart", t => t.Title = name);
                part.Description = AudienceSettingsRules.Clean(input.Description);
                part.Folder = AudienceSettingsRules.Clean(input.Folder);
                part.ScheduleKind = schedule.Kind;
                part.IntervalMinutes = schedule.Kind == RunScheduleKind.Interval ? schedule.IntervalMinutes : null;
                part.Days = schedule.Kind == RunScheduleKind.DayAndTime ? [.. schedule.Days] : [];
                part.TimeOfDay = schedule.Kind == RunScheduleKind.DayAndTime ? schedule.TimeOfDay?.ToString("HH:mm", CultureInfo.InvariantCulture) : null;
            }, HttpContext.RequestAborted);

            if (audience.Published && audience.State.Enabled && !string.IsNullOrEmpty(audience.Key))
            {
                Reschedule(audience.Key, schedule);
            }

            await notifier.SuccessAsync(H["The settings of '{0}' are saved.", name]);
            return RedirectToAction(nameof(Settings), new { id });
        });

    public Task<IActionResult> Consumers(string id) => ShowAsync(id, async audience => View(nameof(Consumers), new AudienceConsumersScreenViewModel
    {
        Audience = audience,
        Audiences = await screens.AudienceConsumersAsync(audience),
        Activations = await screens.ActivationsAsync(audience),
    }));

    public Task<IActionResult> Alerts(string id) => ShowAsync(id, async audience => AlertsView(audience, new AudienceAlertInput(), await CanAsync(LinkedAudiencesPermissions.EditAudiences)));

    [HttpPost]
    public Task<IActionResult> AddAlert(string id, [Bind(Prefix = "Input")] AudienceAlertInput input) =>
        ChangeAsync(id, LinkedAudiencesPermissions.EditAudiences, async audience =>
        {
            ArgumentNullException.ThrowIfNull(input);
            AudienceSettingsRules.Check(input, ModelState, "Input", S);
            if (!ModelState.IsValid)
            {
                return AlertsView(audience, input, canEdit: true);
            }

            var rule = new AudienceAlertRule
            {
                Id = Guid.NewGuid().ToString("N")[..10],
                ThresholdPercent = input.ThresholdPercent!.Value,
                Channel = input.Channel,
                Target = input.Channel == AudienceAlertChannels.InApp ? null : input.Target!.Trim(),
                CreatedBy = User.Identity?.Name,
            };
            await writer.AlterAsync(audience.ContentItemId, (_, part) => part.Alerts.Add(rule), HttpContext.RequestAborted);
            await notifier.SuccessAsync(H["The alert is created."]);
            return RedirectToAction(nameof(Alerts), new { id });
        });

    [HttpPost]
    public Task<IActionResult> DeleteAlert(string id, string alertId) =>
        ChangeAsync(id, LinkedAudiencesPermissions.EditAudiences, async audience =>
        {
            await writer.AlterAsync(audience.ContentItemId, (_, part) => part.Alerts.RemoveAll(r => r.Id == alertId), HttpContext.RequestAborted);
            await notifier.SuccessAsync(H["The alert is deleted."]);
            return RedirectToAction(nameof(Alerts), new { id });
        });

    [HttpPost]
    public Task<IActionResult> Enable(string id) => LifecycleAsync(id, async (audience, ct) =>
    {
        var state = await runs.EnableAsync(audience.Key, ct);
        await (state.StatusReason is { } reason
            ? notifier.WarningAsync(H["'{0}' is enabled; its run failed: {1}", audience.Name, reason])
            : notifier.SuccessAsync(H["'{0}' is enabled and ran: {1} members.", audience.Name, state.LastMemberCount ?? 0]));
    });

    [HttpPost]
    public Task<IActionResult> Disable(string id) => LifecycleAsync(id, async (audience, ct) =>
    {
        await runs.DisableAsync(audience.Key, ct);
        await notifier.SuccessAsync(H["'{0}' is disabled.", audience.Name]);
    });

    [HttpPost]
    public Task<IActionResult> RunNow(string id) => LifecycleAsync(id, async (audience, ct) =>
    {
        var result = await runs.RunNowAsync(audience.Key, ct);
        await (result.Error is { } error
            ? notifier.WarningAsync(H["The run of '{0}' failed: {1}", audience.Name, error])
            : notifier.SuccessAsync(H["'{0}' ran: {1} members, {2} entered, {3} exited.",
                audience.Name, result.Run?.Summary.Members ?? 0, result.Run?.Summary.Entered ?? 0, result.Run?.Summary.Exited ?? 0]));
    });

    /// <summary>A new draft with the same conditions and settings, opened in the builder (the seeds' create flow).</summary>
    [HttpPost]
    public Task<IActionResult> Clone(string id) => ChangeAsync(id, LinkedAudiencesPermissions.EditAudiences, async audience =>
    {
        var key = await CloneKeyAsync(string.IsNullOrEmpty(audience.Key) ? "audience" : audience.Key);
        var copy = await contentManager.NewAsync(ContentTypes.LinkedAudience);
        var name = "Copy of " + audience.Name;
        copy.DisplayText = name;
        copy.Alter<TitleElement>("TitlePart", t => t.Title = name);
        copy.Alter<LinkedAudiencePart>(part =>
        {
            part.Key = key;
            part.GraphKey = audience.Part.GraphKey;
            part.Definition = audience.Part.Definition;
            part.Description = audience.Part.Description;
            part.Folder = audience.Part.Folder;
            part.ScheduleKind = audience.Part.ScheduleKind;
            part.IntervalMinutes = audience.Part.IntervalMinutes;
            part.Days = [.. audience.Part.Days ?? []];
            part.TimeOfDay = audience.Part.TimeOfDay;
        });
        await contentManager.CreateAsync(copy, VersionOptions.Draft);
        await notifier.SuccessAsync(H["'{0}' is cloned as '{1}' ({2}), a draft: review its conditions and publish it.", audience.Name, name, key]);
        return Redirect(Url.Action("Edit", "Admin", new
        {
            area = "OrchardCore.Contents",
            contentItemId = copy.ContentItemId,
            returnUrl = Url.Action(nameof(Overview), new { id = copy.ContentItemId }),
        })!);
    });

    /// <summary>Refused while other audiences or activations consume it (listed on the Overview), or while it runs.</summary>
    [HttpPost]
    public Task<IActionResult> Delete(string id) => ChangeAsync(id, LinkedAudiencesPermissions.EditAudiences, async audience =>
    {
        var consumers = await consumerFinder.FindAsync(audience.Item);
        if (consumers.Count > 0)
        {
            TempData[DeleteRefusedKey] = string.Join('\n', consumers);
            await notifier.ErrorAsync(H["'{0}' was not deleted: it is consumed by {1}. Remove those references first.", audience.Name, string.Join("; ", consumers)]);
            return RedirectToAction(nameof(Overview), new { id });
        }

        if (!string.IsNullOrEmpty(audience.Key) && tenantState.Running.IsRunning(audience.Key))
        {
            await notifier.ErrorAsync(H["'{0}' is running: delete it when the run has finished.", audience.Name]);
            return RedirectToAction(nameof(Overview), new { id });
        }

        var item = await contentManager.GetAsync(audience.ContentItemId, VersionOptions.Latest);
        if (item is null)
        {
            return NotFound();
        }

        await contentManager.RemoveAsync(item);
        await notifier.SuccessAsync(H["'{0}' is deleted, with its runs and snapshots.", audience.Name]);
        return RedirectToAction(nameof(Index));
    });

    private ViewResult AlertsView(AudienceSummary audience, AudienceAlertInput input, bool canEdit) =>
        View(nameof(Alerts), new AudienceAlertsScreenViewModel
        {
            Audience = audience,
            CanEdit = canEdit,
            Rules = audience.Part.Alerts,
            Notices = audience.Part.AlertNotices,
            Input = input,
        });

    private async Task<IActionResult> ShowAsync(string id, Func<AudienceSummary, Task<IActionResult>> show)
    {
        if (!await CanAsync(LinkedAudiencesPermissions.ViewAudiences))
        {
            return Forbid();
        }

        return await screens.FindAsync(id) is { } audience ? await show(audience) : NotFound();
    }

    private async Task<IActionResult> ChangeAsync(string id, Permission permission, Func<AudienceSummary, Task<IActionResult>> change)
    {
        if (!await CanAsync(permission))
        {
            return Forbid();
        }

        return await screens.FindAsync(id) is { } audience ? await change(audience) : NotFound();
    }

    /// <summary>Enable, disable and Run now: the published audience, through the run machinery; then its alerts.</summary>
    private Task<IActionResult> LifecycleAsync(string id, Func<AudienceSummary, CancellationToken, Task> action) =>
        ChangeAsync(id, LinkedAudiencesPermissions.RunAudiences, async audience =>
        {
            if (!audience.Published || string.IsNullOrEmpty(audience.Key))
            {
                await notifier.ErrorAsync(H["'{0}' is a draft: publish it before enabling or running it.", audience.Name]);
                return RedirectToAction(nameof(Overview), new { id });
            }

            try
            {
                await action(audience, HttpContext.RequestAborted);
                foreach (var fired in await alerts.EvaluateAsync(audience.ContentItemId, HttpContext.RequestAborted))
                {
                    await notifier.WarningAsync(H["Alert: {0}", fired]);
                }
            }
            catch (AudienceLifecycleException e)
            {
                await notifier.ErrorAsync(H["{0}", e.Message]);
            }

            return RedirectToAction(nameof(Overview), new { id });
        });

    /// <summary>The lifecycle's naming rule for a clone's key: KEY-copy, then KEY-copy-2, -3…</summary>
    private async Task<string> CloneKeyAsync(string key)
    {
        var candidate = key + "-copy";
        for (var n = 2; await content.AudienceKeyTakenAsync(candidate, string.Empty); n++)
        {
            candidate = FormattableString.Invariant($"{key}-copy-{n}");
        }

        return candidate;
    }

    /// <summary>A changed schedule takes effect now: the next run is computed from it (after the request has committed).</summary>
    private static void Reschedule(string key, RunSchedule schedule) =>
        ShellScope.AddDeferredTask(async scope =>
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentAudienceStore>();
            var state = scope.ServiceProvider.GetRequiredService<TenantStateStore>();
            // A run in progress schedules its successor from the stored schedule when it finishes.
            if (state.Running.IsRunning(key))
            {
                return;
            }

            var audience = await store.GetAudienceAsync(key, null, CancellationToken.None);
            if (audience is { State.Enabled: true })
            {
                var next = RunScheduleCalculator.NextRun(schedule, state.Time.GetUtcNow());
                await store.UpdateStateAsync(key, audience.State with { NextRunAt = next }, CancellationToken.None);
            }
        });

    private async Task<bool> CanAsync(Permission permission) => await authorizationService.AuthorizeAsync(User, permission);
}
