using System.Diagnostics.CodeAnalysis;

namespace LinkedAudiences.Core.State;

/// <summary>
/// Where the app state lives, as the command line and settings write it: "sqlite:PATH" (a file, created with its
/// folder when missing) or "postgres:CONNECTION-STRING" ("postgresql:" also accepted; the first schema of its
/// "Search Path" holds the tables and is created when missing).
/// </summary>
public sealed record StateStoreLocation(string Kind, string Value)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static StateStoreLocation Parse(string text) =>
        TryParse(text, out var location)
            ? location
            : throw new FormatException($"'{text}' is not a state store location; expected sqlite:PATH or postgres:CONNECTION-STRING.");

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out StateStoreLocation? location)
    {
        location = null;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0 || string.IsNullOrWhiteSpace(text[(colon + 1)..]))
        {
            return false;
        }

        var kind = text[..colon].Trim().ToLowerInvariant() switch
        {
            Sqlite => Sqlite,
            Postgres or "postgresql" => Postgres,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        location = new StateStoreLocation(kind, text[(colon + 1)..].Trim());
        return true;
    }

    /// <summary>Safe to log: connection strings may hold passwords, so only a SQLite path is shown.</summary>
    public override string ToString() => Kind == Sqlite ? $"{Kind}:{Value}" : $"{Kind}:***";
}
