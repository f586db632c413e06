namespace LinkedAudiences.Models;

/// <summary>The site's warehouse connection (Configuration → Settings → Linked Audiences).</summary>
public sealed class LinkedAudiencesSettings
{
    /// <summary>The settings group id, also the resource of the settings permission check.</summary>
    public const string GroupId = "LinkedAudiences";

    /// <summary>Empty (no warehouse), duckdb or postgres.</summary>
    public string? WarehouseKind { get; set; }

    /// <summary>A DuckDB file path (not a secret).</summary>
    public string? DuckDbPath { get; set; }

    /// <summary>The PostgreSQL connection string, encrypted with Data Protection; never rendered back.</summary>
    public string? ProtectedConnectionString { get; set; }

    /// <summary>The PostgreSQL schema the graph's unqualified tables live in; null for the connection's default.</summary>
    public string? Schema { get; set; }
}
