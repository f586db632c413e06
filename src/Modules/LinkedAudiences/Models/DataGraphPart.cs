using OrchardCore.ContentManagement;

namespace LinkedAudiences.Models;

/// <summary>A data graph as its versioned JSON (docs/schema), kept as typed so the editor shows it back unchanged.</summary>
public sealed class DataGraphPart : ContentPart
{
    /// <summary>What audiences name the graph by; fixed once published, since audiences refer to it.</summary>
    public string Key { get; set; } = string.Empty;

    public string Graph { get; set; } = string.Empty;

    /// <summary>The key at the first publish; null until then.</summary>
    public string? PublishedKey { get; set; }
}
