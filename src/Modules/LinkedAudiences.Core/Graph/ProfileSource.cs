namespace LinkedAudiences.Core.Graph;

/// <summary>The profiles table (Profiles Sync output): one row per profile, trait columns and an optional JSON column of nested traits.</summary>
public sealed record ProfileSource
{
    public string? Schema { get; init; }

    public required string Table { get; init; }

    public required string IdColumn { get; init; }

    /// <summary>A JSON column holding nested traits; traits with a <see cref="TraitDefinition.Path"/> read from it.</summary>
    public string? TraitsColumn { get; init; }

    public IReadOnlyList<TraitDefinition> Traits { get; init; } = [];
}
