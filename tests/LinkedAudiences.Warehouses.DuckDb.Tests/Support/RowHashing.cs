using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Warehouses.Tests.Support;

/// <summary>
/// Rows as canonical text, and a table's fingerprint over them: the same data gives the same hash whether it comes
/// from the generator, DuckDB or PostgreSQL (decimals without trailing zeros, JSON with sorted keys and no spaces).
/// </summary>
internal static class RowHashing
{
    public static string Canonical(object? value, WarehouseColumnType type) => value switch
    {
        null => "∅",
        string json when type == WarehouseColumnType.Json => "j:" + CanonicalJson(json),
        string s => "s:" + s,
        long l => "n:" + l.ToString(CultureInfo.InvariantCulture),
        decimal d => "n:" + (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateOnly d => "d:" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => "t:" + t.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        DateTime ts => "ts:" + ts.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + ts.Kind,
        _ => "?" + value.GetType().Name + ":" + Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    public static string CanonicalRow(object?[] row, TableSchema schema) =>
        string.Join('|', row.Select((v, i) => Canonical(v, schema.Columns[i].Type)));

    /// <summary>Hash of the rows in the order given (for the generator's determinism).</summary>
    public static string OrderedHash(IEnumerable<object?[]> rows, TableSchema schema)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var row in rows)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(CanonicalRow(row, schema) + "\n"));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Row count and a hash that ignores row order (warehouses return rows in any order).</summary>
    public static (long Count, string Hash) UnorderedHash(IEnumerable<object?[]> rows, TableSchema schema)
    {
        var lines = rows.Select(r => CanonicalRow(r, schema)).ToList();
        lines.Sort(StringComparer.Ordinal);
        return (lines.Count, OrderedText(lines));
    }

    public static string CanonicalJson(string json) => Write(JsonNode.Parse(json));

    private static string OrderedText(List<string> lines) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));

    private static string Write(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(',', o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Write(p.Value))) + "}",
        JsonArray a => "[" + string.Join(',', a.Select(Write)) + "]",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonSerializer.Serialize(v.GetValue<string>()),
        _ => node.ToJsonString(),
    };
}
