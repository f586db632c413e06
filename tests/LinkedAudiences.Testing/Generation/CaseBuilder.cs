using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Testing.Oracle;

namespace LinkedAudiences.Testing.Generation;

/// <summary>Builds one generated case from one seeded <see cref="Random"/>; the partial files hold each condition kind.</summary>
internal sealed partial class CaseBuilder(GeneratorModel model, Random random, int seed)
{
    private static readonly int[] s_windowDays = [1, 7, 30, 90, 180, 365, 730];

    private readonly Dictionary<string, AudienceDefinition> _imports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlySet<string>> _memberships = new(StringComparer.Ordinal);
    private int _audienceReferences;

    private DataGraph Graph => model.Graph;

    private DataSampler Sampler => model.Sampler;

    public GeneratedCase Build()
    {
        var definition = model.TargetPaths.Count > 0 && Chance(0.2)
            ? EntityTargetDefinition()
            : ProfileDefinition(allowAudiences: true, maxGroups: 3, maxConditions: 3, maxDepth: RandomDefinitionGenerator.MaxDepth);
        return new GeneratedCase { Definition = definition, Imports = _imports, Memberships = _memberships, Seed = seed };
    }

    private AudienceDefinition ProfileDefinition(bool allowAudiences, int maxGroups, int maxConditions, int maxDepth)
    {
        var groups = new List<ConditionGroup>();
        for (var g = Few(maxGroups); g > 0; g--)
        {
            var conditions = new List<Condition>();
            for (var c = Few(maxConditions); c > 0; c--)
            {
                conditions.Add(TopCondition(allowAudiences, maxDepth));
            }

            groups.Add(new ConditionGroup { Operator = AnyOperator(), Conditions = conditions });
        }

        return new AudienceDefinition { GroupOperator = AnyOperator(), Groups = groups };
    }

    /// <summary>A top-level condition of any kind the graph supports, negated one time in five.</summary>
    private Condition TopCondition(bool allowAudiences, int maxDepth)
    {
        var kinds = new List<(double Weight, Func<Condition> Make)>();
        if (model.Outgoing(DataGraph.ProfileNode).Count > 0)
        {
            kinds.Add((4, () => EntityCondition(DataGraph.ProfileNode, [], level: 2, maxDepth)));
        }

        if (Graph.Profile.Traits.Count > 0)
        {
            kinds.Add((2.5, TraitCondition));
        }

        if (Graph.Events is not null && Sampler.EventNames.Count > 0)
        {
            kinds.Add((2.5, EventCondition));
        }

        if (allowAudiences && Sampler.ProfileKeys.Count > 0)
        {
            kinds.Add((1, AudienceCondition));
        }

        var roll = random.NextDouble() * kinds.Sum(k => k.Weight);
        var chosen = kinds[^1].Make;
        foreach (var (weight, make) in kinds)
        {
            if (roll < weight)
            {
                chosen = make;
                break;
            }

            roll -= weight;
        }

        var condition = chosen();
        return Chance(0.2) ? condition with { Negate = true } : condition;
    }

    private CountFilter RandomCount()
    {
        var op = Pick([CountOperator.AtLeast, CountOperator.Exactly, CountOperator.AtMost]);
        // "At least" is 1 or more; "exactly" and "at most" allow 0 (the seeds' filtering options).
        var value = op == CountOperator.AtLeast ? random.Next(1, 4) : (Chance(0.35) ? 0 : random.Next(1, 4));
        return new CountFilter { Operator = op, Value = value };
    }

    private static IReadOnlyList<ComparisonOperator> Operators(DataType type) =>
        [.. Enum.GetValues<ComparisonOperator>().Where(op => Comparisons.IsAllowed(type, op))];

    private int WindowDays() => Pick(s_windowDays);

    private LogicalOperator AnyOperator() => Chance(0.5) ? LogicalOperator.And : LogicalOperator.Or;

    private bool Chance(double probability) => random.NextDouble() < probability;

    /// <summary>1..max, smaller counts more likely.</summary>
    private int Few(int max)
    {
        var n = 1;
        while (n < max && Chance(0.45))
        {
            n++;
        }

        return n;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
