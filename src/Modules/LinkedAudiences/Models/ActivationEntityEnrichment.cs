namespace LinkedAudiences.Models;

/// <summary>Columns of one entity of the audience's definition that an activation adds to its events.</summary>
public sealed class ActivationEntityEnrichment
{
    public string Entity { get; set; } = string.Empty;

    public List<string> Columns { get; set; } = [];
}
