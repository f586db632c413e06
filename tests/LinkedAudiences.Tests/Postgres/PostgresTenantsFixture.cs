using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Models;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Warehouses.DuckDb;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.AutoSetup.Options;
using OrchardCore.AutoSetup.Services;
using OrchardCore.BackgroundTasks;
using OrchardCore.Entities;
using OrchardCore.Environment.Shell;
using OrchardCore.Environment.Shell.Scope;
using OrchardCore.Settings;

namespace LinkedAudiences.Tests.Postgres;

/// <summary>
/// The demo host with two more tenants set up on one fresh PostgreSQL database, told apart only by their table
/// prefixes (as Orchard's AutoSetup sets tenants up: shell settings, then the setup service with the demo recipe),
/// each with a DuckDB demo warehouse of its own. The site is disposed before the database is dropped.
/// </summary>
public sealed class PostgresTenantsFixture : IAsyncLifetime
{
    public const string First = "PgOne";
    public const string Second = "PgTwo";

    private readonly string _database = "la_tenants_" + Guid.NewGuid().ToString("N")[..12];

    public Site Site { get; } = new();

    public string ConnectionString { get; private set; } = "";

    /// <summary>Each tenant's warehouse file, with a different number of profiles so their audiences differ.</summary>
    public Dictionary<string, string> Warehouses { get; } = [];

    public static string TablePrefixOf(string tenant) => tenant.ToLowerInvariant();

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync(_database);
        await Site.InitializeAsync();
        foreach (var (tenant, profiles) in new[] { (First, 150), (Second, 250) })
        {
            await SetUpTenantAsync(tenant);
            Warehouses[tenant] = await UseDemoWarehouseAsync(tenant, profiles);
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            await ((IAsyncLifetime)Site).DisposeAsync();
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(_database);
        }
    }

    /// <summary>Runs <paramref name="work"/> in a scope of the tenant, with an HttpContext of its own (as a background task has).</summary>
    public async Task<T> InTenantAsync<T>(string tenant, Func<IServiceProvider, Task<T>> work)
    {
        var scope = await Site.Services.GetRequiredService<IShellHost>().GetScopeAsync(tenant);
        T result = default!;
        await scope.UsingAsync(async s =>
        {
            s.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = s.ShellContext.CreateHttpContext();
            result = await work(s.ServiceProvider);
        });
        return result;
    }

    private async Task SetUpTenantAsync(string tenant)
    {
        var options = new TenantSetupOptions
        {
            ShellName = tenant,
            SiteName = "Linked Audiences " + tenant,
            SiteTimeZone = "Etc/UTC",
            AdminUsername = Site.AdminUserName,
            AdminEmail = "admin@example.com",
            AdminPassword = Site.AdminPassword,
            DatabaseProvider = "Postgres",
            DatabaseConnectionString = ConnectionString,
            DatabaseTablePrefix = TablePrefixOf(tenant),
            RecipeName = "LinkedAudiencesDemo",
            RequestUrlPrefix = TablePrefixOf(tenant),
        };
        var shellHost = Site.Services.GetRequiredService<IShellHost>();
        using (var settings = Site.Services.GetRequiredService<IShellSettingsManager>().CreateDefaultSettings().AsUninitialized().AsDisposable())
        {
            settings.Name = tenant;
            settings.RequestUrlPrefix = options.RequestUrlPrefix;
            settings["ConnectionString"] = options.DatabaseConnectionString;
            settings["TablePrefix"] = options.DatabaseTablePrefix;
            settings["DatabaseProvider"] = options.DatabaseProvider;
            settings["Secret"] = Guid.NewGuid().ToString();
            settings["RecipeName"] = options.RecipeName;
            await shellHost.UpdateShellSettingsAsync(settings);
        }

        var scope = await shellHost.GetScopeAsync(tenant);
        var succeeded = false;
        var errors = "";
        await scope.UsingAsync(async s =>
        {
            s.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = s.ShellContext.CreateHttpContext();
            var (context, ok) = await s.ServiceProvider.GetRequiredService<IAutoSetupService>().SetupTenantAsync(options, s.ShellContext.Settings);
            succeeded = ok;
            errors = string.Join("; ", context.Errors.Select(e => e.Key + ": " + e.Value));
        });
        Assert.True(succeeded, $"Setting tenant {tenant} up on PostgreSQL failed: {errors}");
        Assert.True(shellHost.TryGetSettings(tenant, out var running) && running.IsRunning(), $"Tenant {tenant} is not running after its setup.");
    }

    private async Task<string> UseDemoWarehouseAsync(string tenant, int profiles)
    {
        var path = Path.Combine(Site.AppData, $"warehouse-{tenant}.duckdb");
        await using (var warehouse = await DuckDbWarehouse.OpenAsync(path, DuckDbDialect.Instance, CancellationToken.None))
        {
            await DemoWarehouseBuilder.BuildAsync(warehouse, new DemoWarehouseOptions { Profiles = profiles }, CancellationToken.None);
        }

        await InTenantAsync(tenant, async services =>
        {
            var siteService = services.GetRequiredService<ISiteService>();
            var site = await siteService.LoadSiteSettingsAsync();
            site.Alter<LinkedAudiencesSettings>(s =>
            {
                s.WarehouseKind = "duckdb";
                s.DuckDbPath = path;
                s.ProtectedConnectionString = null;
            });
            await siteService.UpdateSiteSettingsAsync(site);
            return true;
        });
        return path;
    }
}
