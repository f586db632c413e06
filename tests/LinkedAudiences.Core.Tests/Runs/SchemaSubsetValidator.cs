using System.Text.Json;
using System.Text.RegularExpressions;

namespace LinkedAudiences.Core.Tests.Runs;

/// <summary>
/// Checks a JSON document against the parts of JSON Schema 2020-12 that audience-event.schema.json uses ($ref into
/// $defs, type, const, enum, pattern, minimum, minLength, minProperties, required, properties, additionalProperties,
/// items, oneOf), and refuses a schema using anything else, so it cannot pass by ignoring a keyword.
/// </summary>
internal sealed class SchemaSubsetValidator(JsonElement root)
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$ref", "$defs", "title", "description", "type", "const", "enum", "pattern", "minimum", "minLength",
        "minProperties", "required", "properties", "additionalProperties", "items", "oneOf",
    };

    public List<string> Validate(JsonElement value)
    {
        var problems = new List<string>();
        Check(root, value, "$", problems);
        return problems;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        foreach (var keyword in schema.EnumerateObject().Select(p => p.Name).Where(k => !Known.Contains(k)))
        {
            throw new InvalidOperationException($"The validator does not know the keyword '{keyword}'.");
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/$defs/".Length..];
            Check(root.GetProperty("$defs").GetProperty(name), value, path, problems);
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var passing = oneOf.EnumerateArray().Count(s =>
            {
                var inner = new List<string>();
                Check(s, value, path, inner);
                return inner.Count == 0;
            });
            if (passing != 1)
            {
                problems.Add($"{path}: matches {passing} of the oneOf schemas");
            }
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!types.Any(t => Is(value, t)))
            {
                problems.Add($"{path}: is not {string.Join("|", types)}");
                return;
            }
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            problems.Add($"{path}: is not {constant}");
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value)))
        {
            problems.Add($"{path}: {value} is not one of {values}");
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(value.GetString()!, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                problems.Add($"{path}: '{value.GetString()}' does not match {pattern.GetString()}");
            }

            if (schema.TryGetProperty("minLength", out var minLength) && value.GetString()!.Length < minLength.GetInt32())
            {
                problems.Add($"{path}: is shorter than {minLength}");
            }
        }

        if (value.ValueKind == JsonValueKind.Number && schema.TryGetProperty("minimum", out var minimum) && value.GetDecimal() < minimum.GetDecimal())
        {
            problems.Add($"{path}: is below {minimum}");
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{path}[{i++}]", problems);
            }
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(schema, value, path, problems);
        }
    }

    private void CheckObject(JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        var names = value.EnumerateObject().Select(p => p.Name).ToList();
        if (schema.TryGetProperty("minProperties", out var minProperties) && names.Count < minProperties.GetInt32())
        {
            problems.Add($"{path}: has fewer than {minProperties} members");
        }

        if (schema.TryGetProperty("required", out var required))
        {
            problems.AddRange(required.EnumerateArray().Select(r => r.GetString()!).Where(r => !names.Contains(r)).Select(r => $"{path}: lacks '{r}'"));
        }

        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        foreach (var member in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(member.Name, out var memberSchema))
            {
                Check(memberSchema, member.Value, $"{path}.{member.Name}", problems);
            }
            else if (schema.TryGetProperty("additionalProperties", out var additional))
            {
                if (additional.ValueKind == JsonValueKind.False)
                {
                    problems.Add($"{path}: '{member.Name}' is not allowed");
                }
                else if (additional.ValueKind == JsonValueKind.Object)
                {
                    Check(additional, member.Value, $"{path}.{member.Name}", problems);
                }
            }
        }
    }

    private static bool Is(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new InvalidOperationException($"Unknown type '{type}'."),
    };
}
