using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Tests.Validation;

/// <summary>Builds definitions from JSON and validates them against the demo graph.</summary>
internal static class Audiences
{
    /// <summary>A profile audience with one group holding the given conditions (JSON objects, comma-separated).</summary>
    public static string WithConditions(string conditions) => $$"""{ "groups": [ { "conditions": [ {{conditions}} ] } ] }""";

    public static AudienceDefinition Parse(string json) => LinkedAudiencesJson.ParseAudience(json);

    public static Task<ValidationResult> ValidateAsync(string json, IAudienceCatalog? catalog = null, string? key = null, DataGraph? graph = null) =>
        AudienceValidator.ValidateAsync(graph ?? DemoGraph.Graph, Parse(json), catalog ?? InMemoryAudienceCatalog.Empty, key, CancellationToken.None);

    public static Task<ValidationResult> ValidateConditionAsync(string condition, IAudienceCatalog? catalog = null, string? key = null, DataGraph? graph = null) =>
        ValidateAsync(WithConditions(condition), catalog, key, graph);
}
