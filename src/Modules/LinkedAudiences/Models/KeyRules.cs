using System.Text.RegularExpressions;

namespace LinkedAudiences.Models;

/// <summary>Keys of graphs and audiences: what definitions and activations refer to them by, so kept URL- and file-safe.</summary>
public static partial class KeyRules
{
    public const int MaxLength = 100;

    public static bool IsValid(string? key) => key is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(key);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
