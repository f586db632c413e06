using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Serialization;

namespace LinkedAudiences.Benchmarks;

/// <summary>The audiences under docs/examples/audiences by key (file name), which is also their catalogue for imports.</summary>
internal static class ExampleAudiences
{
    private static readonly Lazy<IReadOnlyDictionary<string, AudienceDefinition>> All = new(() =>
        Directory.GetFiles(RepositoryFiles.ExampleAudiences, "*.json")
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => LinkedAudiencesJson.ParseAudience(File.ReadAllText(f)), StringComparer.Ordinal));

    public static IReadOnlyList<string> Keys => [.. All.Value.Keys.Order(StringComparer.Ordinal)];

    public static AudienceDefinition Get(string key) => All.Value[key];

    public static IAudienceCatalog Catalog => new InMemoryAudienceCatalog(All.Value);
}
