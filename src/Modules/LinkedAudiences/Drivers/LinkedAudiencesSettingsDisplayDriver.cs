using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Models;
using LinkedAudiences.Security;
using LinkedAudiences.Services;
using LinkedAudiences.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using OrchardCore.DisplayManagement.Entities;
using OrchardCore.DisplayManagement.Handlers;
using OrchardCore.DisplayManagement.Views;
using OrchardCore.Settings;

namespace LinkedAudiences.Drivers;

/// <summary>The warehouse connection; the PostgreSQL connection string is stored encrypted and never rendered back.</summary>
public sealed class LinkedAudiencesSettingsDisplayDriver(
    WarehouseSecrets secrets,
    IAuthorizationService authorizationService,
    IHttpContextAccessor httpContextAccessor,
    IStringLocalizer<LinkedAudiencesSettingsDisplayDriver> localizer)
    : SiteDisplayDriver<LinkedAudiencesSettings>
{
    private readonly IStringLocalizer S = localizer;

    protected override string SettingsGroupId => LinkedAudiencesSettings.GroupId;

    public override async Task<IDisplayResult> EditAsync(ISite site, LinkedAudiencesSettings settings, BuildEditorContext context)
    {
        if (!await IsAuthorizedAsync())
        {
            return null!;
        }

        return Initialize<LinkedAudiencesSettingsViewModel>("LinkedAudiencesSettings_Edit", model =>
        {
            model.WarehouseKind = settings.WarehouseKind;
            model.DuckDbPath = settings.DuckDbPath;
            model.Schema = settings.Schema;
            model.HasStoredConnectionString = !string.IsNullOrEmpty(settings.ProtectedConnectionString);
        }).Location("Content:5").OnGroup(SettingsGroupId);
    }

    public override async Task<IDisplayResult> UpdateAsync(ISite site, LinkedAudiencesSettings settings, UpdateEditorContext context)
    {
        if (!await IsAuthorizedAsync())
        {
            return null!;
        }

        var model = new LinkedAudiencesSettingsViewModel();
        await context.Updater.TryUpdateModelAsync(model, Prefix);
        var kind = string.IsNullOrWhiteSpace(model.WarehouseKind) ? null : model.WarehouseKind.Trim();
        if (kind is not (null or WarehouseLocation.DuckDb or WarehouseLocation.Postgres))
        {
            context.Updater.ModelState.AddModelError(Prefix + "." + nameof(model.WarehouseKind), S["The warehouse kind must be duckdb or postgres."]);
        }
        else if (kind == WarehouseLocation.DuckDb && string.IsNullOrWhiteSpace(model.DuckDbPath))
        {
            context.Updater.ModelState.AddModelError(Prefix + "." + nameof(model.DuckDbPath), S["A DuckDB warehouse needs the path of its database file."]);
        }
        else if (kind == WarehouseLocation.Postgres && string.IsNullOrWhiteSpace(model.ConnectionString)
            && (model.ClearConnectionString || string.IsNullOrEmpty(settings.ProtectedConnectionString)))
        {
            context.Updater.ModelState.AddModelError(Prefix + "." + nameof(model.ConnectionString), S["A PostgreSQL warehouse needs a connection string."]);
        }

        settings.WarehouseKind = kind;
        settings.DuckDbPath = string.IsNullOrWhiteSpace(model.DuckDbPath) ? null : model.DuckDbPath.Trim();
        settings.Schema = string.IsNullOrWhiteSpace(model.Schema) ? null : model.Schema.Trim();
        if (!string.IsNullOrWhiteSpace(model.ConnectionString))
        {
            settings.ProtectedConnectionString = secrets.Protect(model.ConnectionString.Trim());
        }
        else if (model.ClearConnectionString)
        {
            settings.ProtectedConnectionString = null;
        }

        return await EditAsync(site, settings, context);
    }

    private async Task<bool> IsAuthorizedAsync() =>
        httpContextAccessor.HttpContext?.User is { } user
        && await authorizationService.AuthorizeAsync(user, LinkedAudiencesPermissions.ManageDataGraphs);
}
