using System.Globalization;
using LinkedAudiences.Models;
using LinkedAudiences.Workflows.Bridge;
using LinkedAudiences.Workflows.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using OrchardCore.DisplayManagement.Entities;
using OrchardCore.DisplayManagement.Handlers;
using OrchardCore.DisplayManagement.Views;
using OrchardCore.Settings;
using OrchardCore.Workflows;

namespace LinkedAudiences.Workflows.Drivers;

/// <summary>The workflow starts a run may cause, per audience, on the Linked Audiences settings page (for users who manage workflows).</summary>
public sealed class WorkflowBridgeSettingsDisplayDriver(
    IAuthorizationService authorizationService,
    IHttpContextAccessor httpContextAccessor,
    IStringLocalizer<WorkflowBridgeSettingsDisplayDriver> localizer)
    : SiteDisplayDriver<WorkflowBridgeSettings>
{
    private readonly IStringLocalizer S = localizer;

    protected override string SettingsGroupId => LinkedAudiencesSettings.GroupId;

    public override async Task<IDisplayResult> EditAsync(ISite site, WorkflowBridgeSettings settings, BuildEditorContext context)
    {
        if (!await IsAuthorizedAsync())
        {
            return null!;
        }

        return Initialize<WorkflowBridgeSettingsViewModel>("WorkflowBridgeSettings_Edit", model =>
        {
            model.MaxWorkflowStartsPerRun = settings.MaxWorkflowStartsPerRun;
            model.AudienceLimits = string.Join('\n', settings.AudienceLimits.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key} = {l.Value.ToString(CultureInfo.InvariantCulture)}"));
        }).Location("Content:10").OnGroup(SettingsGroupId);
    }

    public override async Task<IDisplayResult> UpdateAsync(ISite site, WorkflowBridgeSettings settings, UpdateEditorContext context)
    {
        if (!await IsAuthorizedAsync())
        {
            return null!;
        }

        var model = new WorkflowBridgeSettingsViewModel();
        await context.Updater.TryUpdateModelAsync(model, Prefix);
        if (model.MaxWorkflowStartsPerRun is { } max)
        {
            if (max < 0)
            {
                context.Updater.ModelState.AddModelError(Prefix + "." + nameof(model.MaxWorkflowStartsPerRun), S["The limit cannot be negative."]);
            }
            else
            {
                settings.MaxWorkflowStartsPerRun = max;
            }
        }

        if (model.AudienceLimits is { } text)
        {
            var limits = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && parts[0].Length > 0 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
                {
                    limits[parts[0]] = limit;
                }
                else
                {
                    context.Updater.ModelState.AddModelError(Prefix + "." + nameof(model.AudienceLimits), S["'{0}' is not 'audience-key = limit'.", line]);
                }
            }

            settings.AudienceLimits = limits;
        }

        return await EditAsync(site, settings, context);
    }

    private async Task<bool> IsAuthorizedAsync() =>
        httpContextAccessor.HttpContext?.User is { } user
        && await authorizationService.AuthorizeAsync(user, WorkflowsPermissions.ManageWorkflows);
}
