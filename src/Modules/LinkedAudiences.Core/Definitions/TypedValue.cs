using System.Globalization;
using System.Text.Json;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Definitions;

/// <summary>
/// Constants of a definition as CLR values of their data type: NUMBER → decimal, STRING → string,
/// BOOLEAN → bool, DATE → DateOnly, TIME → TimeOnly, TIMESTAMP → DateTime (UTC, Kind Unspecified: warehouse
/// timestamps carry no zone).
/// </summary>
public static class TypedValue
{
    public static bool TryConvert(DataType type, JsonElement value, out object? result)
    {
        result = null;
        switch (type)
        {
            case DataType.Number when value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d):
                result = d;
                return true;
            case DataType.String when value.ValueKind == JsonValueKind.String:
                result = value.GetString();
                return true;
            case DataType.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                result = value.GetBoolean();
                return true;
            case DataType.Date when value.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                result = date;
                return true;
            case DataType.Time when value.ValueKind == JsonValueKind.String
                && TimeOnly.TryParseExact(value.GetString(), ["HH:mm:ss", "HH:mm", "HH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time):
                result = time;
                return true;
            case DataType.Timestamp when value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ts):
                result = DateTime.SpecifyKind(ts.UtcDateTime, DateTimeKind.Unspecified);
                return true;
            default:
                return false;
        }
    }

    public static object? Convert(DataType type, JsonElement value) =>
        TryConvert(type, value, out var result)
            ? result
            : throw new ArgumentException($"The value {value.GetRawText()} is not a {type.ToString().ToUpperInvariant()}.", nameof(value));

    /// <summary>What a JSON constant of this type looks like, for validation messages.</summary>
    public static string Describe(DataType type) => type switch
    {
        DataType.Number => "a JSON number",
        DataType.String => "a JSON string",
        DataType.Boolean => "true or false",
        DataType.Date => "a date \"YYYY-MM-DD\"",
        DataType.Time => "a time \"HH:MM:SS\"",
        DataType.Timestamp => "an ISO-8601 timestamp",
        _ => type.ToString(),
    };
}
