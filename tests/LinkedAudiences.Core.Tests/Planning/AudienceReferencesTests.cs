using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Planning;
using LinkedAudiences.Core.Tests.Sql;

namespace LinkedAudiences.Core.Tests.Planning;

public sealed class AudienceReferencesTests
{
    private static AudienceDefinition References(params string[] keys) => DemoGraph.Audience(
        $$"""{ "groups": [ { "conditions": [ {{string.Join(", ", keys.Select(k => $$"""{ "kind": "audience", "audience": "{{k}}" }"""))}} ] } ] }""");

    [Fact]
    public async Task CollectAsync_TransitiveImports_ReturnsEveryDefinitionByKey()
    {
        var catalog = new InMemoryAudienceCatalog(new Dictionary<string, AudienceDefinition>(StringComparer.Ordinal)
        {
            ["a"] = References("b"),
            ["b"] = References("c"),
            ["c"] = References(),
            ["unused"] = References(),
        });

        var found = await AudienceReferences.CollectAsync(References("a"), catalog, CancellationToken.None);

        Assert.Equal(["a", "b", "c"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Same(catalog.Definitions["b"], found["b"]);
    }

    [Fact]
    public async Task CollectAsync_MembershipModeAndMissingKeys_AreLeftOut()
    {
        var catalog = new InMemoryAudienceCatalog(new Dictionary<string, AudienceDefinition>(StringComparer.Ordinal)
        {
            ["stored"] = References(),
        });
        var definition = DemoGraph.Audience("""
            { "groups": [ { "conditions": [ { "kind": "audience", "audience": "stored", "mode": "membership" }, { "kind": "audience", "audience": "gone" } ] } ] }
            """);

        var found = await AudienceReferences.CollectAsync(definition, catalog, CancellationToken.None);

        Assert.Empty(found);
    }

    [Fact]
    public async Task CollectAsync_Cycle_StopsWithEachDefinitionOnce()
    {
        var catalog = new InMemoryAudienceCatalog(new Dictionary<string, AudienceDefinition>(StringComparer.Ordinal)
        {
            ["a"] = References("b"),
            ["b"] = References("a", "b"),
        });

        var found = await AudienceReferences.CollectAsync(References("a"), catalog, CancellationToken.None);

        Assert.Equal(["a", "b"], found.Keys.Order(StringComparer.Ordinal));
    }
}
