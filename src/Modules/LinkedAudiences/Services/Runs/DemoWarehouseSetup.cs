using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Models;
using LinkedAudiences.Warehouses.DuckDb;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardCore.Entities;
using OrchardCore.Environment.Shell;
using OrchardCore.Environment.Shell.Configuration;
using OrchardCore.Environment.Shell.Removing;
using OrchardCore.Modules;
using OrchardCore.Settings;

namespace LinkedAudiences.Services.Runs;

/// <summary>
/// On a tenant's first start with no warehouse configured, generates the demo DuckDB warehouse (deterministic: seed
/// 42, <c>LinkedAudiences:DemoWarehouse:Profiles</c> profiles from the tenant's configuration, 0 to switch it off)
/// under the tenant's App_Data folder and points the settings at it. Once the file exists it is never generated
/// again, so a warehouse the admin later removes from the settings stays removed.
/// </summary>
public sealed class DemoWarehouseSetup(
    ISiteService siteService,
    ShellSettings shellSettings,
    IOptions<ShellOptions> shellOptions,
    IShellConfiguration configuration,
    ILogger<DemoWarehouseSetup> logger) : IModularTenantEvents
{
    public const string ProfilesKey = "LinkedAudiences:DemoWarehouse:Profiles";

    public const string FileName = "demo-warehouse.duckdb";

    public string DemoPath => Path.Combine(
        shellOptions.Value.ShellsApplicationDataPath, shellOptions.Value.ShellsContainerName, shellSettings.Name, FileName);

    public async Task ActivatedAsync()
    {
        // Not while the tenant is being set up: its recipe is still writing the settings.
        if (!shellSettings.IsRunning() || !int.TryParse(configuration[ProfilesKey], out var profiles) || profiles <= 0)
        {
            return;
        }

        await EnsureAsync(profiles, CancellationToken.None);
    }

    /// <returns>True when it generated the warehouse and configured it.</returns>
    public async Task<bool> EnsureAsync(int profiles, CancellationToken cancellationToken)
    {
        var settings = (await siteService.GetSiteSettingsAsync()).GetOrCreate<LinkedAudiencesSettings>();
        var path = DemoPath;
        if (!string.IsNullOrWhiteSpace(settings.WarehouseKind) || File.Exists(path))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var building = path + ".building";
        File.Delete(building);
        await using (var warehouse = await DuckDbWarehouse.OpenAsync(building, DuckDbDialect.Instance, cancellationToken))
        {
            await DemoWarehouseBuilder.BuildAsync(warehouse, new DemoWarehouseOptions { Profiles = profiles }, cancellationToken);
        }

        // Moved into place only when complete: a start interrupted half-way builds it again next time.
        File.Move(building, path);
        var site = await siteService.LoadSiteSettingsAsync();
        site.Alter<LinkedAudiencesSettings>(s =>
        {
            s.WarehouseKind = WarehouseLocation.DuckDb;
            s.DuckDbPath = path;
        });
        await siteService.UpdateSiteSettingsAsync(site);
        logger.LogInformation("Generated the demo warehouse ({Profiles} profiles) at {Path} and configured it.", profiles, path);
        return true;
    }

    public Task ActivatingAsync() => Task.CompletedTask;

    public Task TerminatingAsync() => Task.CompletedTask;

    public Task TerminatedAsync() => Task.CompletedTask;

    public Task RemovingAsync(ShellRemovingContext context) => Task.CompletedTask;
}
