namespace LinkedAudiences.Models;

/// <summary>
/// Where an activation delivers and how. Secrets are kept only as Data Protection ciphertext
/// (<see cref="ProtectedSecret"/>, <see cref="ProtectedHeaders"/>) and never rendered back. Null policy values take the
/// engine's defaults.
/// </summary>
public sealed class ActivationDestination
{
    /// <summary>The webhook or CloudEvents endpoint, or the tracking API's base URL.</summary>
    public string? Url { get; set; }

    public Dictionary<string, string> Headers { get; set; } = new();

    /// <summary>Header name → protected value (e.g. Authorization).</summary>
    public Dictionary<string, string> ProtectedHeaders { get; set; } = new();

    /// <summary>The webhook's HMAC key or the tracking API's write key, protected.</summary>
    public string? ProtectedSecret { get; set; }

    public string? SignatureHeader { get; set; }

    /// <summary>The CloudEvents source attribute.</summary>
    public string? Source { get; set; }

    /// <summary>Warehouse write-back: schema (empty = default) and table.</summary>
    public string? Schema { get; set; }

    public string? Table { get; set; }

    public int? BatchSize { get; set; }

    public int? MaxConcurrency { get; set; }

    public double? RatePerSecond { get; set; }

    public int? MaxAttempts { get; set; }

    public double? InitialBackoffSeconds { get; set; }

    public double? MaxBackoffSeconds { get; set; }

    public double? TimeoutSeconds { get; set; }
}
