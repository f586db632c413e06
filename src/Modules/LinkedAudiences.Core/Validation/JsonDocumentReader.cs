using System.Globalization;
using System.Text.Json;
using LinkedAudiences.Core.Serialization;

namespace LinkedAudiences.Core.Validation;

/// <summary>Deserializes a versioned contract with <see cref="LinkedAudiencesJson.Options"/> and never throws for bad input.</summary>
internal static class JsonDocumentReader
{
    internal static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static ReadResult<T> Read<T>(string json, string documentName, int supportedVersion, Func<T, int> versionOf)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            return Fail<T>(JsonPaths.Root, ValidationRules.InvalidJson, $"The {documentName} is empty: expected a JSON object.");
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(json, LinkedAudiencesJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return Fail<T>(Explain(ex, json, documentName, supportedVersion));
        }

        if (value is null)
        {
            return Fail<T>(JsonPaths.Root, ValidationRules.InvalidJson, $"The {documentName} is null: expected a JSON object.");
        }

        var version = versionOf(value);
        return version == supportedVersion
            ? new ReadResult<T>(value, ValidationResult.Success)
            : Fail<T>(UnsupportedVersion(version, documentName, supportedVersion));
    }

    internal static ValidationError UnsupportedVersion(int version, string documentName, int supportedVersion) =>
        new(
            JsonPaths.Root.Prop("schemaVersion"),
            ValidationRules.UnsupportedSchemaVersion,
            string.Create(CultureInfo.InvariantCulture, $"Schema version {version} is not supported; this version of Linked Audiences reads {documentName}s of schema version {supportedVersion}."));

    private static ValidationError Explain(Exception ex, string json, string documentName, int supportedVersion)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException syntax)
        {
            return JsonErrorTranslator.Syntax(ex as JsonException, syntax);
        }

        using (document)
        {
            // A newer document may use members this version does not know: say so rather than "unknown field".
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("schemaVersion", out var v)
                && v.TryGetInt32(out var version)
                && version != supportedVersion)
            {
                return UnsupportedVersion(version, documentName, supportedVersion);
            }

            return JsonErrorTranslator.Translate(ex, document.RootElement, documentName);
        }
    }

    private static ReadResult<T> Fail<T>(string path, string rule, string message)
        where T : class => Fail<T>(new ValidationError(path, rule, message));

    private static ReadResult<T> Fail<T>(ValidationError error)
        where T : class => new(null, new ValidationResult([error]));
}
