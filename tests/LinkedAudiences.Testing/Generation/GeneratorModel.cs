using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Testing.Generation;

/// <summary>What the generator knows about the graph and data, computed once: outgoing relationships and target paths.</summary>
internal sealed class GeneratorModel
{
    public GeneratorModel(DataGraph graph, DataSampler sampler)
    {
        Graph = graph;
        Sampler = sampler;
        TargetPaths = [.. Paths(DataGraph.ProfileNode, [], 1)];
    }

    public DataGraph Graph { get; }

    public DataSampler Sampler { get; }

    /// <summary>Every relationship path from the profile (at most <see cref="RandomDefinitionGenerator.MaxDepth"/> levels), for entity targets.</summary>
    public IReadOnlyList<IReadOnlyList<Relationship>> TargetPaths { get; }

    /// <summary>Relationships leaving a node, in graph order, to entities the graph declares.</summary>
    public IReadOnlyList<Relationship> Outgoing(string node) =>
        [.. Graph.Relationships.Where(r => string.Equals(r.From, node, StringComparison.Ordinal) && Graph.FindEntity(r.To) is not null)];

    /// <summary>Whether a condition must name its relationship (more than one links the same pair).</summary>
    public bool NeedsRelationshipName(Relationship relationship) => Graph.RelationshipsBetween(relationship.From, relationship.To).Skip(1).Any();

    private IEnumerable<IReadOnlyList<Relationship>> Paths(string node, List<Relationship> prefix, int level)
    {
        if (level >= RandomDefinitionGenerator.MaxDepth)
        {
            yield break;
        }

        foreach (var relationship in Outgoing(node))
        {
            // Simple paths only: an entity already on the path would make the target ambiguous to a reader.
            if (prefix.Any(r => string.Equals(r.To, relationship.To, StringComparison.Ordinal)))
            {
                continue;
            }

            List<Relationship> path = [.. prefix, relationship];
            yield return path;
            foreach (var longer in Paths(relationship.To, path, level + 1))
            {
                yield return longer;
            }
        }
    }
}
