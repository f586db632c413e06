using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Tests.Validation;

/// <summary>Every audience under docs/examples/audiences reads and validates against the demo graph.</summary>
public sealed class ExampleAudiencesTests
{
    private static readonly string Folder = RepositoryFiles.Path("docs", "examples", "audiences");

    private static IEnumerable<string> Keys() =>
        Directory.GetFiles(Folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);

    public static TheoryData<string> Examples() => [.. Keys()];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Validate_Example_IsValid(string key)
    {
        // The examples reference each other by file name (uc2 imports platinum-members).
        var catalog = new InMemoryAudienceCatalog(Directory.GetFiles(Folder, "*.json").ToDictionary(
            f => Path.GetFileNameWithoutExtension(f),
            f => DefinitionReader.Read(File.ReadAllText(f)).Value!));
        var read = DefinitionReader.Read(await File.ReadAllTextAsync(Path.Combine(Folder, key + ".json")));
        Assert.True(read.IsValid, read.Validation.ToString());

        var result = await AudienceValidator.ValidateAsync(DemoGraph.Graph, read.Value, catalog, key, CancellationToken.None);

        ValidationAssert.Valid(result);
    }

    [Fact]
    public void Examples_Folder_HoldsTheUseCases()
    {
        Assert.Contains("uc1-outstanding-credit-card", Keys());
        Assert.Contains("entity-outstanding-credit-cards", Keys());
    }
}
