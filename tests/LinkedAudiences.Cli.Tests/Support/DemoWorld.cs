using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Testing.Oracle;

namespace LinkedAudiences.Cli.Tests.Support;

/// <summary>
/// The demo world twice, from the same (profiles, seed): a DuckDB file written by the CLI's own demo-warehouse verb,
/// and the generator's rows in memory for the reference evaluator.
/// </summary>
public sealed class DemoWorld : IAsyncLifetime
{
    public const int Profiles = 300;

    public const int Seed = 42;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "la-cli-demo-" + Guid.NewGuid().ToString("N")[..12]);

    public string DatabaseFile => Path.Combine(_folder, "demo.duckdb");

    /// <summary>The --warehouse argument for the DuckDB file.</summary>
    public string Warehouse => "duckdb:" + DatabaseFile;

    public ReferenceEvaluator Oracle { get; private set; } = null!;

    public static DateTimeOffset AsOf => DemoWarehouseOptions.DefaultAnchor;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var created = await CommandLine.RunAsync("demo-warehouse", "--profiles", Profiles.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--seed", Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", DatabaseFile);
        if (created.ExitCode != 0)
        {
            throw new InvalidOperationException("demo-warehouse failed: " + created);
        }

        var data = InMemoryWarehouse.From(DemoWarehouseGenerator.Generate(new DemoWarehouseOptions { Profiles = Profiles, Seed = Seed }));
        Oracle = new ReferenceEvaluator(DemoGraph.Graph, data);
    }

    /// <summary>The oracle's members of a definition whose imports are the example audiences (no stored memberships).</summary>
    public IReadOnlySet<string> ExpectedMembers(AudienceDefinition definition) =>
        Oracle.Members(definition, AsOf, ExampleImports.Value, new Dictionary<string, IReadOnlySet<string>>());

    public IReadOnlyList<MatchedEntity> ExpectedMatches(AudienceDefinition definition) =>
        Oracle.MatchedEntities(definition, AsOf, ExampleImports.Value, new Dictionary<string, IReadOnlySet<string>>());

    public static AudienceDefinition ReadAudience(string path) => LinkedAudiencesJson.ParseAudience(File.ReadAllText(path));

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private static readonly Lazy<IReadOnlyDictionary<string, AudienceDefinition>> ExampleImports = new(() =>
        RepositoryFiles.ExampleAudienceKeys().ToDictionary(k => k, k => ReadAudience(RepositoryFiles.ExampleAudience(k)), StringComparer.Ordinal));
}

/// <summary>Test classes sharing one <see cref="DemoWorld"/> (generated once; they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class SharedDemoWorld : ICollectionFixture<DemoWorld>
{
    public const string Name = "demo world";
}
