using System.Globalization;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Testing.Oracle;

namespace LinkedAudiences.Conformance.Tests;

/// <summary>
/// Every definition in docs/examples/audiences (one per use case and aggregation example of the product documents) gives
/// the reference evaluator's members on DuckDB and on PostgreSQL, and has members in the demo world.
/// </summary>
public sealed class ExampleAudienceTests(ExamplesWorld world) : IClassFixture<ExamplesWorld>
{
    private static readonly DateTimeOffset AsOf = DemoWarehouseOptions.DefaultAnchor;

    [Fact]
    public Task Uc1OutstandingCreditCard_MembersMatchTheReference() => CheckAsync("uc1-outstanding-credit-card");

    [Fact]
    public Task PlatinumMembers_MembersMatchTheReference() => CheckAsync("platinum-members");

    [Fact]
    public Task Uc2CatOwnersPlatinum_MembersMatchTheReference() => CheckAsync("uc2-cat-owners-platinum");

    [Fact]
    public Task Uc3CardHoldersWithTransactions_MembersMatchTheReference() => CheckAsync("uc3-card-holders-with-transactions");

    [Fact]
    public Task AggCardTransactionsOver1000In90Days_MembersMatchTheReference() => CheckAsync("agg-card-transactions-over-1000-in-90-days");

    [Fact]
    public Task AggBrokersSoldOver5mIn12Months_MembersMatchTheReference() => CheckAsync("agg-brokers-sold-over-5m-in-12-months");

    [Fact]
    public Task AggWishlistOver300_MembersMatchTheReference() => CheckAsync("agg-wishlist-over-300");

    [Fact]
    public Task EntityOutstandingCreditCards_MembersMatchTheReference() => CheckAsync("entity-outstanding-credit-cards");

    [Fact]
    public void ExampleFolder_HasATestPerFile()
    {
        var files = Directory.GetFiles(ExamplesFolder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        var tested = typeof(ExampleAudienceTests).GetMethods()
            .Where(m => m.GetCustomAttributes(typeof(FactAttribute), false).Length > 0 && m.Name.EndsWith("_MembersMatchTheReference", StringComparison.Ordinal))
            .Select(m => m.Name);
        Assert.Equal(files.Count(), tested.Count());
    }

    private static string ExamplesFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "docs", "examples", "audiences");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("docs/examples/audiences was not found above the test binaries.");
        }
    }

    private async Task CheckAsync(string key)
    {
        var catalog = await LoadCatalogAsync();
        var definition = catalog.Definitions[key];
        var imports = catalog.Definitions;
        var expected = new ReferenceEvaluator(DemoGraph.Graph, world.Data).Members(definition, AsOf, imports, new Dictionary<string, IReadOnlySet<string>>());
        Assert.NotEmpty(expected);

        foreach (var engine in new[] { world.DuckDb, world.PostgreSql })
        {
            var audienceEngine = new AudienceEngine(DemoGraph.Graph, catalog, engine.Options);
            var actual = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var member in audienceEngine.MembersAsync(engine.Warehouse, definition, AsOf, CancellationToken.None))
            {
                actual.Add(member);
            }

            Assert.True(expected.SetEquals(actual), string.Create(CultureInfo.InvariantCulture,
                $"{key} on {engine.Name}: expected {expected.Count} members, got {actual.Count}; missing {string.Join(", ", expected.Except(actual).Take(5))}; unexpected {string.Join(", ", actual.Except(expected).Take(5))}"));
        }
    }

    private static async Task<InMemoryAudienceCatalog> LoadCatalogAsync()
    {
        var definitions = new Dictionary<string, AudienceDefinition>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(ExamplesFolder, "*.json"))
        {
            definitions[Path.GetFileNameWithoutExtension(file)] = LinkedAudiencesJson.ParseAudience(await File.ReadAllTextAsync(file));
        }

        return new InMemoryAudienceCatalog(definitions);
    }
}
