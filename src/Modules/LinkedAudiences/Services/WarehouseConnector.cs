using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Models;
using LinkedAudiences.Warehouses.DuckDb;
using LinkedAudiences.Warehouses.PostgreSql;
using OrchardCore.Entities;
using OrchardCore.Settings;

namespace LinkedAudiences.Services;

/// <summary>Opens the warehouse the site settings name, if any.</summary>
public sealed class WarehouseConnector(ISiteService siteService, WarehouseSecrets secrets)
{
    public async Task<LinkedAudiencesSettings> GetSettingsAsync() =>
        (await siteService.GetSiteSettingsAsync()).GetOrCreate<LinkedAudiencesSettings>();

    /// <returns>Null when no warehouse is configured.</returns>
    /// <exception cref="WarehouseUnavailableException">It is configured but cannot be opened.</exception>
    public async Task<IWarehouse?> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = await GetSettingsAsync();
        try
        {
            switch (settings.WarehouseKind)
            {
                case WarehouseLocation.DuckDb when !string.IsNullOrWhiteSpace(settings.DuckDbPath):
                    // Opening would create an empty database: a missing file is a configuration error.
                    if (!File.Exists(settings.DuckDbPath))
                    {
                        throw new WarehouseUnavailableException($"The DuckDB warehouse file '{settings.DuckDbPath}' does not exist.");
                    }

                    return await DuckDbWarehouse.OpenAsync(settings.DuckDbPath, DuckDbDialect.Instance, cancellationToken);
                case WarehouseLocation.Postgres when !string.IsNullOrEmpty(settings.ProtectedConnectionString):
                    var connectionString = secrets.Unprotect(settings.ProtectedConnectionString);
                    return await PostgreSqlWarehouse.OpenAsync(connectionString, PostgreSqlDialect.Instance, settings.Schema, cancellationToken);
                default:
                    return null;
            }
        }
        catch (Exception e) when (e is not (WarehouseUnavailableException or OperationCanceledException))
        {
            // The driver's message may quote the connection string; only its type is shown.
            throw new WarehouseUnavailableException($"The {settings.WarehouseKind} warehouse could not be opened ({e.GetType().Name}).", e);
        }
    }

    /// <returns>The warehouse's tables, or null when no warehouse is configured.</returns>
    public async Task<IReadOnlyList<WarehouseTable>?> DescribeTablesAsync(CancellationToken cancellationToken)
    {
        await using var warehouse = await OpenAsync(cancellationToken);
        return warehouse is null ? null : await warehouse.DescribeTablesAsync(cancellationToken);
    }
}
