using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Preview;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Engine;

/// <summary>
/// Runs the preview queries: the count, a sample of members, the sample's matched entities (truncated to ten per level
/// and six levels) and the number of distinct matched entities per entity. Only the sample's rows leave the warehouse.
/// </summary>
internal sealed class AudiencePreviewer(IWarehouse warehouse)
{
    public async Task<AudiencePreview> PreviewAsync(
        CompiledAudience compiled,
        AudienceDefinition definition,
        DateTimeOffset asOf,
        int sampleSize,
        CancellationToken cancellationToken)
    {
        var count = await ScalarAsync(compiled.Count, cancellationToken);

        var sample = new List<string>();
        await foreach (var row in warehouse.QueryAsync(compiled.Sample(sampleSize), cancellationToken))
        {
            sample.Add(AudienceEngine.KeyOf(row[0]));
        }

        var matched = new List<MatchedEntityRow>();
        if (sample.Count > 0)
        {
            await foreach (var row in warehouse.QueryAsync(compiled.MatchedEntitiesFor(sample), cancellationToken))
            {
                matched.Add(ToRow(row));
            }
        }

        var byMember = matched.ToLookup(r => r.MemberKey, StringComparer.Ordinal);
        var members = sample.Select(key =>
        {
            var (roots, more) = MatchedEntityTree.Build(byMember[key]);
            return new PreviewMember(key, roots, more);
        }).ToList();

        var entityCounts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var perEntity = new SqlQuery(
            "SELECT e.entity, COUNT(DISTINCT e.entity_key) AS entity_count FROM (" + compiled.MatchedEntities.Sql + ") AS e GROUP BY e.entity",
            compiled.MatchedEntities.Parameters);
        await foreach (var row in warehouse.QueryAsync(perEntity, cancellationToken))
        {
            entityCounts[AudienceEngine.KeyOf(row[0])] = Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture);
        }

        var isEntityTarget = definition.Target.Type == TargetType.Entity;
        if (isEntityTarget && definition.Target.Entity is { } target)
        {
            entityCounts[target] = count;
        }

        return new AudiencePreview(isEntityTarget, definition.Target.Entity, count, members, entityCounts, asOf);
    }

    internal static MatchedEntityRow ToRow(object?[] row) => new(
        AudienceEngine.KeyOf(row[0]),
        AudienceEngine.KeyOf(row[1]),
        Convert.ToInt32(row[2], System.Globalization.CultureInfo.InvariantCulture),
        AudienceEngine.KeyOf(row[3]),
        AudienceEngine.KeyOf(row[4]),
        AudienceEngine.KeyOf(row[5]));

    private async Task<long> ScalarAsync(SqlQuery query, CancellationToken cancellationToken)
    {
        await foreach (var row in warehouse.QueryAsync(query, cancellationToken))
        {
            return Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture);
        }

        return 0;
    }
}
