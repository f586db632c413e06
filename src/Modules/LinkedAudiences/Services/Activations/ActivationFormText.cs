using LinkedAudiences.Models;

namespace LinkedAudiences.Services.Activations;

/// <summary>The plain-text forms of the editor's list fields: "a, b"; "entity: col, col" per line; "Name: value" per line.</summary>
public static class ActivationFormText
{
    public static List<string> ParseList(string? text) =>
        [.. (text ?? string.Empty).Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    public static string FormatList(IEnumerable<string> values) => string.Join(", ", values);

    public static List<ActivationEntityEnrichment> ParseEntities(string? text) =>
        [.. Lines(text).Select(line =>
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            return colon < 0
                ? new ActivationEntityEnrichment { Entity = line }
                : new ActivationEntityEnrichment { Entity = line[..colon].Trim(), Columns = ParseList(line[(colon + 1)..]) };
        })];

    public static string FormatEntities(IEnumerable<ActivationEntityEnrichment> entities) =>
        string.Join("\n", entities.Select(e => $"{e.Entity}: {FormatList(e.Columns)}"));

    /// <summary>Header lines; a line without a colon is a name with an empty value.</summary>
    public static Dictionary<string, string> ParseHeaders(string? text)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Lines(text))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[(colon < 0 ? line : line[..colon]).Trim()] = colon < 0 ? string.Empty : line[(colon + 1)..].Trim();
        }

        return headers;
    }

    public static string FormatHeaders(IEnumerable<KeyValuePair<string, string>> headers) =>
        string.Join("\n", headers.Select(h => $"{h.Key}: {h.Value}"));

    private static string[] Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
