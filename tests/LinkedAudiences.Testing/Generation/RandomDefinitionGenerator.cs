using LinkedAudiences.Core.Graph;
using LinkedAudiences.Testing.Oracle;

namespace LinkedAudiences.Testing.Generation;

/// <summary>
/// Random VALID audience definitions over a data graph, with constants drawn from the data. Every condition kind and option
/// appears: entity conditions nested down the graph (six levels counting the profile at most), sibling branches, property filter
/// groups, counts (0 included), aggregates, windows, traits (nested JSON ones and "present"), events with property and context
/// filters and both window kinds, part of audience in import and membership mode, dynamic references, entity targets, negations.
/// Deterministic: the same graph, data and seed give the same sequence of cases.
/// </summary>
public sealed class RandomDefinitionGenerator
{
    /// <summary>Levels of an entity branch, counting the profile (the seeds' limit).</summary>
    public const int MaxDepth = 6;

    private readonly GeneratorModel _model;
    private readonly Random _random;

    public RandomDefinitionGenerator(DataGraph graph, InMemoryWarehouse data, int seed)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(data);
        _model = new GeneratorModel(graph, new DataSampler(graph, data));
        _random = new Random(seed);
    }

    /// <summary>The next case; its <see cref="GeneratedCase.Seed"/> regenerates it alone through <see cref="Generate"/>.</summary>
    public GeneratedCase Next() => Generate(_random.Next());

    /// <summary>The case of one case seed (what a failing test prints).</summary>
    public GeneratedCase Generate(int caseSeed) => new CaseBuilder(_model, new Random(caseSeed), caseSeed).Build();
}
