using System.Text.Json;
using System.Text.Json.Serialization;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Serialization;

/// <summary>The one set of JSON options for every public contract: camelCase, enums as strings, unknown members refused.</summary>
public static class LinkedAudiencesJson
{
    public static JsonSerializerOptions Options { get; } = Create(writeIndented: true);

    public static JsonSerializerOptions Compact { get; } = Create(writeIndented: false);

    private static JsonSerializerOptions Create(bool writeIndented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowOutOfOrderMetadataProperties = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            WriteIndented = writeIndented,
        };
        // Data types are written as the seeds write them: NUMBER, STRING, TIMESTAMP...
        options.Converters.Add(new JsonStringEnumConverter<DataType>(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static DataGraph ParseGraph(string json) =>
        JsonSerializer.Deserialize<DataGraph>(json, Options) ?? throw new JsonException("The data graph is empty.");

    public static AudienceDefinition ParseAudience(string json) =>
        JsonSerializer.Deserialize<AudienceDefinition>(json, Options) ?? throw new JsonException("The audience definition is empty.");

    public static string Serialize<T>(T value, bool indented = true) =>
        JsonSerializer.Serialize(value, indented ? Options : Compact);
}
