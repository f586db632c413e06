using BenchmarkDotNet.Attributes;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Planning;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;

namespace LinkedAudiences.Benchmarks.Compile;

/// <summary>
/// What a definition costs before the warehouse sees it, per example audience: the whole engine path
/// (validate → collect imports → plan → compile, as every host runs it) and the SQL compiler alone on a ready plan.
/// </summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private static readonly DateTimeOffset AsOf = DemoWarehouseOptions.DefaultAnchor;

    private AudienceEngine _engine = null!;
    private AudienceDefinition _definition = null!;
    private AudiencePlan _plan = null!;
    private SqlCompiler _compiler = null!;
    private CompileOptions _options = null!;

    [ParamsSource(nameof(Audiences))]
    public string Audience { get; set; } = "";

    public static IEnumerable<string> Audiences => ExampleAudiences.Keys;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new AudienceEngine(DemoGraph.Graph, ExampleAudiences.Catalog);
        _definition = ExampleAudiences.Get(Audience);
        var imports = AudienceReferences.CollectAsync(_definition, ExampleAudiences.Catalog, CancellationToken.None).GetAwaiter().GetResult();
        _plan = QueryPlanner.Plan(DemoGraph.Graph, _definition, imports);
        _compiler = new SqlCompiler(DuckDbDialect.Instance);
        _options = new CompileOptions { AsOf = AsOf };
    }

    [Benchmark(Baseline = true, Description = "validate+plan+compile")]
    public Task<CompiledAudience> ValidatePlanCompile() =>
        _engine.CompileAsync(_definition, DuckDbDialect.Instance, AsOf, CancellationToken.None, Audience);

    [Benchmark(Description = "compile")]
    public CompiledAudience CompileOnly() => _compiler.Compile(_plan, _options);
}
