using System.Diagnostics.CodeAnalysis;

namespace LinkedAudiences.Core.Warehouses;

/// <summary>
/// Where a warehouse is, as the command line and settings write it: "duckdb:PATH" (a file, or ":memory:"),
/// "postgres:CONNECTION-STRING" ("postgresql:" also accepted) or "snowflake:SETTINGS". <see cref="Kind"/> is the
/// dialect name (duckdb, postgres, snowflake); the hosts' factory opens the matching connector.
/// </summary>
public sealed record WarehouseLocation(string Kind, string Value)
{
    public const string DuckDb = "duckdb";
    public const string Postgres = "postgres";
    public const string Snowflake = "snowflake";

    public static WarehouseLocation Parse(string text) =>
        TryParse(text, out var location)
            ? location
            : throw new FormatException($"'{text}' is not a warehouse location; expected duckdb:PATH, postgres:CONNECTION-STRING or snowflake:SETTINGS.");

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out WarehouseLocation? location)
    {
        location = null;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        var kind = text[..colon].Trim().ToLowerInvariant() switch
        {
            DuckDb => DuckDb,
            Postgres or "postgresql" => Postgres,
            Snowflake => Snowflake,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        location = new WarehouseLocation(kind, text[(colon + 1)..]);
        return true;
    }

    /// <summary>Safe to log: connection strings may hold passwords, so only a DuckDB path is shown.</summary>
    public override string ToString() => Kind == DuckDb ? $"{Kind}:{Value}" : $"{Kind}:***";
}
