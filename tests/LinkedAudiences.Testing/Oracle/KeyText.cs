using System.Globalization;

namespace LinkedAudiences.Testing.Oracle;

/// <summary>Rule 10: keys are returned as strings; profile ids as stored, entity keys cast to VARCHAR (BIGINT 42 → "42").</summary>
internal static class KeyText
{
    public static string? Of(object? value) => value switch
    {
        null or DBNull => null,
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
