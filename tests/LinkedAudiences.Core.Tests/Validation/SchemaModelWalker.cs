using System.Collections;
using System.Text.Json;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Serialization;

namespace LinkedAudiences.Core.Tests.Validation;

/// <summary>
/// Walks a C# contract type (through System.Text.Json's own metadata for LinkedAudiencesJson.Options, so names,
/// required members, enum spellings and discriminators are exactly what the serializer uses) side by side with its
/// JSON Schema, and lists every difference: members missing on either side, required sets, JSON types, enum values,
/// defaults, discriminators, and $defs nobody uses.
/// </summary>
internal sealed class SchemaModelWalker
{
    private readonly JsonElement _root;
    private readonly HashSet<string> _usedDefinitions = new(StringComparer.Ordinal);
    private readonly HashSet<(Type, string)> _walked = [];

    public SchemaModelWalker(JsonElement root) => _root = root;

    public List<string> Problems { get; } = [];

    public void Walk(Type type)
    {
        WalkType(type, _root, type.Name);
        foreach (var definition in _root.GetProperty("$defs").EnumerateObject())
        {
            if (!_usedDefinitions.Contains(definition.Name))
            {
                Problems.Add($"$defs/{definition.Name} is not used by the model.");
            }
        }
    }

    private void WalkType(Type type, JsonElement node, string where)
    {
        var (schema, at) = Resolve(node, where);
        if (!_walked.Add((type, at)))
        {
            return;
        }

        var info = LinkedAudiencesJson.Options.GetTypeInfo(type);
        if (type.IsAbstract && info.PolymorphismOptions is { } polymorphism)
        {
            WalkUnion(type, schema, where, polymorphism);
            return;
        }

        Expect(schema, "type", "object", where);
        if (!schema.TryGetProperty("additionalProperties", out var additional) || additional.ValueKind != JsonValueKind.False)
        {
            Problems.Add($"{where}: objects must refuse unknown members (\"additionalProperties\": false), as the reader does.");
        }

        var discriminator = info.PolymorphismOptions?.TypeDiscriminatorPropertyName
            ?? (type.BaseType is { IsAbstract: true } b ? LinkedAudiencesJson.Options.GetTypeInfo(b).PolymorphismOptions?.TypeDiscriminatorPropertyName : null);
        var members = info.Properties.Where(p => p.Set is not null).ToList();
        var properties = schema.TryGetProperty("properties", out var p) ? p.EnumerateObject().ToDictionary(x => x.Name, x => x.Value) : [];

        var modelNames = members.Select(m => m.Name).Concat(discriminator is null ? [] : [discriminator]).ToHashSet();
        foreach (var missing in modelNames.Where(n => !properties.ContainsKey(n)))
        {
            Problems.Add($"{where}: model member '{missing}' is not in the schema.");
        }

        foreach (var extra in properties.Keys.Where(n => !modelNames.Contains(n)))
        {
            Problems.Add($"{where}: schema property '{extra}' is not a model member.");
        }

        // The discriminator's presence is the union's business (a nested entity condition may omit it).
        var modelRequired = members.Where(m => m.IsRequired).Select(m => m.Name).Order(StringComparer.Ordinal);
        var schemaRequired = (schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!) : [])
            .Where(n => n != discriminator).Order(StringComparer.Ordinal);
        if (!modelRequired.SequenceEqual(schemaRequired))
        {
            Problems.Add($"{where}: required is [{string.Join(", ", schemaRequired)}] in the schema but [{string.Join(", ", modelRequired)}] in the model.");
        }

        var instance = CreateDefault(type);
        foreach (var member in members)
        {
            if (properties.TryGetValue(member.Name, out var property))
            {
                WalkValue(member.PropertyType, property, $"{where}.{member.Name}");
                CheckDefault(member.Get!(instance!), member.PropertyType, property, $"{where}.{member.Name}", instance is not null);
            }
        }
    }

    private void WalkUnion(Type type, JsonElement schema, string where, System.Text.Json.Serialization.Metadata.JsonPolymorphismOptions polymorphism)
    {
        var discriminator = polymorphism.TypeDiscriminatorPropertyName;
        if (!schema.TryGetProperty("required", out var required) || !required.EnumerateArray().Any(x => x.GetString() == discriminator))
        {
            Problems.Add($"{where}: a {type.Name} must require its discriminator '{discriminator}'.");
        }

        if (!schema.TryGetProperty("oneOf", out var oneOf))
        {
            Problems.Add($"{where}: a {type.Name} must be a oneOf of its kinds.");
            return;
        }

        var branches = oneOf.EnumerateArray().Select((b, i) => Resolve(b, $"{where}.oneOf[{i}]")).ToList();
        if (branches.Count != polymorphism.DerivedTypes.Count)
        {
            Problems.Add($"{where}: {branches.Count} schema branches for {polymorphism.DerivedTypes.Count} kinds.");
        }

        foreach (var derived in polymorphism.DerivedTypes)
        {
            var id = (string)derived.TypeDiscriminator!;
            var branch = branches.FirstOrDefault(b =>
                b.Schema.TryGetProperty("properties", out var ps) && ps.TryGetProperty(discriminator, out var k)
                && k.TryGetProperty("const", out var c) && c.GetString() == id);
            if (branch.Schema.ValueKind == JsonValueKind.Undefined)
            {
                Problems.Add($"{where}: no branch has \"{discriminator}\": {{\"const\": \"{id}\"}} for {derived.DerivedType.Name}.");
                continue;
            }

            WalkType(derived.DerivedType, branch.Schema, $"{where}<{id}>");
        }
    }

    private void WalkValue(Type type, JsonElement node, string where)
    {
        var (schema, _) = Resolve(node, where);
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(JsonElement))
        {
            if (!schema.TryGetProperty("type", out _))
            {
                Problems.Add($"{where}: a constant must say which JSON types it takes.");
            }
        }
        else if (type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            Expect(schema, "type", "array", where);
            if (schema.TryGetProperty("items", out var items))
            {
                WalkValue(type.GetGenericArguments()[0], items, where + "[]");
            }
            else
            {
                Problems.Add($"{where}: an array must describe its items.");
            }
        }
        else if (type.IsEnum)
        {
            var expected = Enum.GetValues(type).Cast<object>().Select(v => JsonSerializer.SerializeToElement(v, type, LinkedAudiencesJson.Options).GetString()!).ToList();
            var actual = schema.TryGetProperty("enum", out var e) ? e.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
            if (!expected.SequenceEqual(actual))
            {
                Problems.Add($"{where}: enum is [{string.Join(", ", actual)}] in the schema but [{string.Join(", ", expected)}] in the model.");
            }
        }
        else if (type.Assembly == typeof(DataGraph).Assembly)
        {
            WalkType(type, node, where);
        }
        else
        {
            var (jsonType, format) = type == typeof(string) ? ("string", null)
                : type == typeof(int) ? ("integer", null)
                : type == typeof(decimal) ? ("number", null)
                : type == typeof(bool) ? ("boolean", null)
                : type == typeof(DateOnly) ? ("string", "date")
                : ("?", (string?)null);
            Expect(schema, "type", jsonType, where);
            if (format is not null && (!schema.TryGetProperty("format", out var f) || f.GetString() != format))
            {
                Problems.Add($"{where}: expected \"format\": \"{format}\".");
            }
        }
    }

    private void CheckDefault(object? value, Type type, JsonElement property, string where, bool known)
    {
        var declared = property.TryGetProperty("default", out var d) ? d : Resolve(property, where).Schema.TryGetProperty("default", out var rd) ? rd : (JsonElement?)null;
        if (declared is null || !known)
        {
            return;
        }

        var actual = JsonSerializer.SerializeToElement(value, type, LinkedAudiencesJson.Options);
        if (!JsonElement.DeepEquals(actual, declared.Value))
        {
            Problems.Add($"{where}: the schema's default is {declared.Value.GetRawText()} but the model's is {actual.GetRawText()}.");
        }
    }

    /// <summary>Follows local "$ref"s; marks the $defs it passes through as used.</summary>
    private (JsonElement Schema, string At) Resolve(JsonElement node, string where)
    {
        var at = where;
        while (node.TryGetProperty("$ref", out var reference))
        {
            var target = reference.GetString()!;
            const string prefix = "#/$defs/";
            if (!target.StartsWith(prefix, StringComparison.Ordinal) || !_root.GetProperty("$defs").TryGetProperty(target[prefix.Length..], out var next))
            {
                Problems.Add($"{where}: unresolved $ref {target}.");
                return (default, at);
            }

            _usedDefinitions.Add(target[prefix.Length..]);
            node = next;
            at = target;
        }

        return (node, at);
    }

    private void Expect(JsonElement schema, string keyword, string value, string where)
    {
        var ok = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var actual)
            && (actual.ValueKind == JsonValueKind.String ? actual.GetString() == value : actual.EnumerateArray().Any(x => x.GetString() == value));
        if (!ok)
        {
            Problems.Add($"{where}: expected \"{keyword}\": \"{value}\".");
        }
    }

    // Records with required members still have a parameterless constructor; the initializers give the defaults.
    private static object? CreateDefault(Type type) => type.IsAbstract ? null : Activator.CreateInstance(type);
}
