using System.Globalization;
using System.Text.Json;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Testing.Oracle;

/// <summary>
/// Brings warehouse values and JSON values to the one CLR form each data type is compared in:
/// NUMBER decimal, STRING string, BOOLEAN bool, DATE DateOnly, TIME TimeOnly, TIMESTAMP DateTime (UTC, Kind Unspecified).
/// </summary>
internal static class TypedValues
{
    /// <summary>A column value as its declared type. A value the declared type cannot hold means the fixture contradicts the graph.</summary>
    public static object? FromColumn(DataType type, object? raw, string where)
    {
        if (raw is null or DBNull)
        {
            return null;
        }

        object? value = (type, raw) switch
        {
            (DataType.Number, long l) => (decimal)l,
            (DataType.Number, int i) => (decimal)i,
            (DataType.Number, short s) => (decimal)s,
            (DataType.Number, decimal d) => d,
            (DataType.Number, double d) => (decimal)d,
            (DataType.Number, float f) => (decimal)f,
            (DataType.String, string s) => s,
            (DataType.Boolean, bool b) => b,
            (DataType.Date, DateOnly d) => d,
            (DataType.Date, DateTime dt) => DateOnly.FromDateTime(dt),
            (DataType.Time, TimeOnly t) => t,
            (DataType.Time, TimeSpan ts) => TimeOnly.FromTimeSpan(ts),
            (DataType.Timestamp, DateTime dt) => Timestamp(dt),
            (DataType.Timestamp, DateTimeOffset dto) => DateTime.SpecifyKind(dto.UtcDateTime, DateTimeKind.Unspecified),
            _ => null,
        };

        return value ?? throw new InvalidOperationException(
            $"{where} holds {raw.GetType().Name} {Convert.ToString(raw, CultureInfo.InvariantCulture)}, which is not a {type.ToString().ToUpperInvariant()}.");
    }

    /// <summary>
    /// A JSON trait or event property as its declared type. A JSON value of the wrong kind (a string where NUMBER is declared,
    /// JSON null, an object...) counts as missing, per the briefing's rule 2: it is null, so every comparison on it fails.
    /// </summary>
    public static object? FromJson(DataType type, JsonElement? element) =>
        element is { } e && TypedValue.TryConvert(type, e, out var value) ? value : null;

    /// <summary>A definition's constant; a constant of the wrong type is an invalid definition.</summary>
    public static object FromConstant(DataType type, JsonElement? value, string where)
    {
        if (value is not { } v)
        {
            throw new InvalidOperationException($"{where} has neither a value nor a reference.");
        }

        return TypedValue.TryConvert(type, v, out var result) && result is not null
            ? result
            : throw new InvalidOperationException($"{where} compares a {type.ToString().ToUpperInvariant()} with {v.GetRawText()}.");
    }

    private static DateTime Timestamp(DateTime value) =>
        // Warehouse timestamps carry no zone and are UTC; a Local value would be a fixture mistake, so convert it honestly.
        value.Kind == DateTimeKind.Local
            ? DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Unspecified)
            : DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
}
