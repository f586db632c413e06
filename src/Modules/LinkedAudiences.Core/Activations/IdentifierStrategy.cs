namespace LinkedAudiences.Core.Activations;

/// <summary>How the destination's user id is chosen: the profile key, or a profile trait (e.g. email) when present.</summary>
public sealed record IdentifierStrategy
{
    public static readonly IdentifierStrategy ProfileKey = new();

    public IdentifierSource Source { get; init; } = IdentifierSource.ProfileKey;

    /// <summary>The trait for <see cref="IdentifierSource.Trait"/>; a member without it falls back to the profile key.</summary>
    public string? Trait { get; init; }
}

public enum IdentifierSource
{
    ProfileKey,
    Trait,
}
