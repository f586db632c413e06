using System.Text.Json.Serialization;

namespace LinkedAudiences.Core.Graph;

/// <summary>
/// A profile trait. Exactly one of <see cref="Column"/> (a column of the profiles table) or
/// <see cref="Path"/> (a dotted path inside <see cref="ProfileSource.TraitsColumn"/>, e.g. "address.city") is set.
/// </summary>
public sealed record TraitDefinition
{
    public required string Name { get; init; }

    public required DataType Type { get; init; }

    public string? Column { get; init; }

    public string? Path { get; init; }

    // Derived from Path: not part of the JSON contract (it was written out, and silently ignored on read).
    [JsonIgnore]
    public IReadOnlyList<string> PathSegments => Path is null ? [] : Path.Split('.');
}
