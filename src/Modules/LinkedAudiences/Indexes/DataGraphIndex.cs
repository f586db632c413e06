using YesSql.Indexes;

namespace LinkedAudiences.Indexes;

/// <summary>Graphs by key, for the published or latest version.</summary>
public sealed class DataGraphIndex : MapIndex
{
    public string ContentItemId { get; set; } = string.Empty;

    public string GraphKey { get; set; } = string.Empty;

    public bool Published { get; set; }

    public bool Latest { get; set; }
}
