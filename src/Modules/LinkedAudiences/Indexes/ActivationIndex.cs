using YesSql.Indexes;

namespace LinkedAudiences.Indexes;

/// <summary>Activations by audience (an audience's activations; the consumers of an audience being deleted).</summary>
public sealed class ActivationIndex : MapIndex
{
    public string ContentItemId { get; set; } = string.Empty;

    public string AudienceKey { get; set; } = string.Empty;

    public string DestinationKind { get; set; } = string.Empty;

    public bool Enabled { get; set; }

    public bool Published { get; set; }

    public bool Latest { get; set; }
}
