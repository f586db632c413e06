namespace LinkedAudiences.ViewModels;

// Not sealed: Orchard builds shapes as proxies of their view model.
public class LinkedAudiencesSettingsViewModel
{
    /// <summary>Empty, duckdb or postgres.</summary>
    public string? WarehouseKind { get; set; }

    public string? DuckDbPath { get; set; }

    /// <summary>Write-only: a new PostgreSQL connection string; empty keeps the stored one.</summary>
    public string? ConnectionString { get; set; }

    public bool ClearConnectionString { get; set; }

    /// <summary>Shown instead of the secret.</summary>
    public bool HasStoredConnectionString { get; set; }

    public string? Schema { get; set; }
}
