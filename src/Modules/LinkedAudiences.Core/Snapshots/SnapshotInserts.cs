using System.Globalization;
using LinkedAudiences.Core.Planning;
using LinkedAudiences.Core.Sql;

namespace LinkedAudiences.Core.Snapshots;

/// <summary>
/// INSERT ... SELECT statements writing one version of an audience's snapshot from its compiled queries: entities
/// first, then members with their enrichment hash (which reads the entity rows just written). Nothing leaves the warehouse.
/// </summary>
internal sealed class SnapshotInserts(SnapshotTables tables, GraphSql graph, AudiencePlan plan, string audienceKey)
{
    private SqlDialect Dialect => tables.Dialect;

    /// <summary>The matched entities (SEMANTICS 11) of every member, tagged with the audience and version.</summary>
    public SqlQuery Entities(CompiledAudience compiled, long version)
    {
        var sql = new BoundSql(Dialect);
        return sql.Render($"""
            INSERT INTO {tables.Entities} (audience_key, version, member_key, branch, entity, entity_key, parent_key)
            SELECT k.audience_key, k.version, x.member_key, x.branch, x.entity, x.entity_key, x.parent_key
            FROM ({BoundSql.Embedded}) AS x
            CROSS JOIN (SELECT {sql.Text(audienceKey)} AS audience_key, {sql.BigInt(version)} AS version) AS k
            WHERE x.member_key IS NOT NULL AND x.entity_key IS NOT NULL
            """, compiled.MatchedEntities);
    }

    /// <summary>The members with their profile and the hash of their enrichment values (NULL when nothing is enriched).</summary>
    public SqlQuery Members(CompiledAudience compiled, long version, ResolvedEnrichment enrichment)
    {
        var sql = new BoundSql(Dialect);
        var joins = new List<string>();
        var profileKey = "m.member_key";
        if (!plan.TargetsProfiles)
        {
            joins.Add($"LEFT JOIN ({graph.TargetProfiles(plan)}) AS tp ON tp.member_key = m.member_key");
            profileKey = "tp.profile_key";
        }

        var hashed = new List<string>();
        if (enrichment.Traits.Count > 0)
        {
            joins.Add($"LEFT JOIN {graph.ProfileTable} AS ep ON {graph.ProfileKey("ep")} = {profileKey}");
            hashed.AddRange(enrichment.Traits.Select(t => EnrichmentSql.Canonical(Dialect, graph.Trait("ep", t))));
        }

        for (var i = 0; i < enrichment.Entities.Count; i++)
        {
            var enriched = enrichment.Entities[i];
            var alias = "ev" + i.ToString(CultureInfo.InvariantCulture);
            if (enriched.IsTarget)
            {
                joins.Add($"LEFT JOIN {graph.EntityTable(enriched.Entity)} AS {alias} ON {graph.EntityKey(alias, enriched.Entity)} = m.member_key");
                hashed.Add("'|'");
                hashed.AddRange(enriched.Columns.Select(c => EnrichmentSql.Canonical(Dialect, graph.Column(alias, c.Name))));
                continue;
            }

            var row = EnrichmentSql.Concat([
                EnrichmentSql.Canonical(Dialect, "s.entity_key"),
                .. enriched.Columns.Select(c => EnrichmentSql.Canonical(Dialect, graph.Column("e", c.Name))),
            ]);
            joins.Add($"""
                LEFT JOIN (
                    SELECT r.member_key, {Dialect.OrderedConcat("r.row_text", "r.row_text")} AS row_values
                    FROM (SELECT DISTINCT s.member_key, {row} AS row_text
                          FROM {tables.Entities} AS s
                          JOIN {graph.EntityTable(enriched.Entity)} AS e ON {graph.EntityKey("e", enriched.Entity)} = s.entity_key
                          WHERE s.audience_key = {sql.Text(audienceKey)} AND s.version = {sql.BigInt(version)} AND s.entity = {sql.Text(enriched.Entity.Name)}) AS r
                    GROUP BY r.member_key) AS {alias} ON {alias}.member_key = m.member_key
                """);
            hashed.Add("'|'");
            hashed.Add($"COALESCE({alias}.row_values, '')");
        }

        var hash = enrichment.IsEmpty ? $"CAST(NULL AS {Dialect.TextType})" : Dialect.Md5(EnrichmentSql.Concat(hashed));
        return sql.Render($"""
            INSERT INTO {tables.Members} (audience_key, version, member_key, profile_key, enrichment_hash)
            SELECT k.audience_key, k.version, m.member_key, {profileKey}, {hash}
            FROM ({BoundSql.Embedded}) AS m
            CROSS JOIN (SELECT {sql.Text(audienceKey)} AS audience_key, {sql.BigInt(version)} AS version) AS k
            {string.Join("\n", joins)}
            WHERE m.member_key IS NOT NULL
            """, compiled.Members);
    }
}
