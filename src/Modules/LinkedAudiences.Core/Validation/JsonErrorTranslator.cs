using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Serialization;

namespace LinkedAudiences.Core.Validation;

/// <summary>
/// Turns System.Text.Json's exceptions (written for developers, naming CLR types) into errors a marketer can act on:
/// the JSONPath, the field, and what is allowed there. The exception texts are matched loosely; anything not
/// recognised still yields an <c>invalid-json</c> error with the serializer's own sentence.
/// </summary>
internal static partial class JsonErrorTranslator
{
    public static ValidationError Syntax(JsonException? deserializerError, JsonException syntax)
    {
        var line = (syntax.LineNumber ?? 0) + 1;
        var position = (syntax.BytePositionInLine ?? 0) + 1;
        var reason = StripLocation(syntax.Message);
        return new ValidationError(
            deserializerError?.Path ?? JsonPaths.Root,
            ValidationRules.InvalidJson,
            string.Create(CultureInfo.InvariantCulture, $"The text is not valid JSON at line {line}, position {position}: {reason}"));
    }

    public static ValidationError Translate(Exception ex, JsonElement root, string documentName)
    {
        var path = (ex as JsonException)?.Path ?? PathInMessage(ex.Message) ?? JsonPaths.Root;

        if (UnmappedMember().Match(ex.Message) is { Success: true } unmapped)
        {
            return new(path, ValidationRules.InvalidJson, UnknownField(unmapped.Groups["name"].Value, ModelType(unmapped.Groups["type"].Value), path));
        }

        if (MissingRequired().Match(ex.Message) is { Success: true } missing)
        {
            var names = missing.Groups["names"].Value;
            var plural = names.Contains(',', StringComparison.Ordinal);
            var what = Describe(ModelType(missing.Groups["type"].Value), path);
            return new(path, ValidationRules.InvalidJson, plural
                ? $"Required fields {names} are missing from {what}."
                : $"Required field {names} is missing from {what}.");
        }

        if (UnknownDiscriminator().Match(ex.Message) is { Success: true } discriminator)
        {
            var found = discriminator.Groups["id"].Value;
            return new(path.Prop("kind"), ValidationRules.InvalidJson, IsNestedCondition(path)
                ? $"Conditions nested in an entity condition are entity conditions: 'kind' can only be \"entity\" here; found \"{found}\"."
                : $"'kind' must be one of: {ConditionKinds()}; found \"{found}\".");
        }

        if (ex.Message.Contains("must specify a type discriminator", StringComparison.Ordinal))
        {
            return new(path, ValidationRules.InvalidJson, $"A condition needs a 'kind': one of {ConditionKinds()}.");
        }

        if (NotConvertible().Match(ex.Message) is { Success: true } convert)
        {
            var field = path == JsonPaths.Root ? $"The {documentName}" : $"'{LastSegment(path)}'";
            var found = JsonPathLookup.Find(root, path) is { } element ? $"; found {Excerpt(element)}" : string.Empty;
            return new(path, ValidationRules.InvalidJson, $"{field} must be {Expected(convert.Groups["type"].Value)}{found}.");
        }

        return new(path, ValidationRules.InvalidJson, StripLocation(ex.Message));
    }

    private static string UnknownField(string name, Type? type, string path)
    {
        var allowed = type is null ? null : string.Join(", ", FieldsOf(type));
        return allowed is null
            ? $"'{name}' is not a known field."
            : $"'{name}' is not a field of {Describe(type, path)}; allowed fields: {allowed}.";
    }

    private static IEnumerable<string> FieldsOf(Type type)
    {
        var names = LinkedAudiencesJson.Options.GetTypeInfo(type).Properties.Where(p => p.Set is not null).Select(p => p.Name);
        return typeof(Condition).IsAssignableFrom(type) ? names.Prepend("kind") : names;
    }

    // Top-level conditions sit at $.groups[i].conditions[j]; a second "conditions[" means an entity condition's nested list.
    private static bool IsNestedCondition(string path) =>
        path.Split(".conditions[", StringSplitOptions.None).Length > 2;

    private static string ConditionKinds() =>
        string.Join(", ", LinkedAudiencesJson.Options.GetTypeInfo(typeof(Condition)).PolymorphismOptions!.DerivedTypes.Select(d => d.TypeDiscriminator));

    private static string Expected(string clrTypeName)
    {
        var name = NullableOf().Match(clrTypeName) is { Success: true } m ? m.Groups["inner"].Value : clrTypeName;
        if (name.Contains("List`1", StringComparison.Ordinal) || name.EndsWith("[]", StringComparison.Ordinal))
        {
            return "an array";
        }

        var type = ModelType(name);
        if (type is { IsEnum: true })
        {
            var values = Enum.GetValues(type).Cast<Enum>().Select(v => type == typeof(DataType)
                ? JsonNames.Of((DataType)v)
                : JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));
            return "one of: " + string.Join(", ", values);
        }

        return name switch
        {
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Decimal" or "System.Double" => "a number",
            "System.Boolean" => "true or false",
            "System.String" => "a string",
            "System.DateOnly" => TypedValue.Describe(DataType.Date),
            "System.TimeOnly" => TypedValue.Describe(DataType.Time),
            _ when type is not null => "a JSON object",
            _ => "a value of another kind",
        };
    }

    private static Type? ModelType(string clrTypeName) => typeof(DataGraph).Assembly.GetType(clrTypeName, throwOnError: false);

    private static string Describe(Type? type, string path) => type?.Name switch
    {
        nameof(AudienceDefinition) => "the audience definition",
        nameof(AudienceTarget) => "the target",
        nameof(ConditionGroup) => "a condition group",
        nameof(EntityCondition) => IsNestedCondition(path) ? "a nested entity condition" : "an entity condition",
        nameof(TraitCondition) => "a trait condition",
        nameof(EventCondition) => "an event condition",
        nameof(AudienceCondition) => "an audience condition",
        nameof(PropertyFilterGroup) => "a property filter group ('where')",
        nameof(PropertyFilter) => "a property filter",
        nameof(ValueReference) => "a reference ('ref')",
        nameof(CountFilter) => "a count",
        nameof(AggregateFilter) => "an aggregate",
        nameof(RelativeWindow) => "a window",
        nameof(EventWindow) => "an event window",
        nameof(DataGraph) => "the data graph",
        nameof(ProfileSource) => "the profile source",
        nameof(EventSource) => "the event source",
        nameof(TraitDefinition) => "a trait",
        nameof(EntityDefinition) => "an entity",
        nameof(ColumnDefinition) => "a column",
        nameof(Relationship) => "a relationship",
        nameof(JoinColumns) => "a join",
        nameof(JunctionTable) => "a junction",
        nameof(EventPropertyDefinition) => "an event property",
        null => "this object",
        var other => "a " + other,
    };

    private static string LastSegment(string path)
    {
        var end = path.Length;
        while (end > 0 && path[end - 1] == ']')
        {
            end = path.LastIndexOf('[', end - 1);
            if (end < 0)
            {
                return path;
            }
        }

        var trimmed = path[..end];
        var dot = trimmed.LastIndexOf('.');
        return dot >= 0 ? trimmed[(dot + 1)..] : trimmed.TrimStart('$');
    }

    private static string Excerpt(JsonElement element)
    {
        var raw = element.GetRawText();
        return raw.Length <= 60 ? raw : raw[..57] + "...";
    }

    private static string StripLocation(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        return (cut < 0 ? message : message[..cut]).TrimEnd();
    }

    private static string? PathInMessage(string message) =>
        PathPart().Match(message) is { Success: true } m ? m.Groups["path"].Value : null;

    [GeneratedRegex(@"^The JSON property '(?<name>.*)' could not be mapped to any \.NET member contained in type '(?<type>[^']+)'")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"type '(?<type>[^']+)' was missing required properties including: (?<names>.+?)\.?$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"unrecognized type discriminator id '(?<id>.*)'")]
    private static partial Regex UnknownDiscriminator();

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>.+?)\. Path: ")]
    private static partial Regex NotConvertible();

    [GeneratedRegex(@"^System\.Nullable`1\[(?<inner>.+)\]$")]
    private static partial Regex NullableOf();

    [GeneratedRegex(@" Path: (?<path>.+?) \| LineNumber: ")]
    private static partial Regex PathPart();
}
