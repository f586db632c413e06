using System.Text.Json;

namespace LinkedAudiences.Core.Templates;

/// <summary>Turns JSON into the plain values a template model holds (dictionaries, lists, strings, decimals, booleans, nulls).</summary>
public static class TemplateModels
{
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetDecimal(out var d) ? d : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>The members of a JSON object as top-level model values.</summary>
    public static IReadOnlyDictionary<string, object?> FromJsonObject(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement) as Dictionary<string, object?>
            ?? throw new ArgumentException("The model must be a JSON object.", nameof(json));
    }
}
