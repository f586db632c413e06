using LinkedAudiences.Core.Sql;

namespace LinkedAudiences.Core.Snapshots;

/// <summary>
/// The difference between two versions of an audience's snapshot, computed in the warehouse: one query per kind of
/// change, each returning only the changed rows, in ordinal key order (so a re-run writes the outbox in the same order).
/// Version 0 has no rows: against it, everything has entered.
/// </summary>
internal sealed class SnapshotDiff(SnapshotTables tables, GraphSql graph, string audienceKey)
{
    private static readonly string[] EntityOrder = ["d.member_key", "d.branch", "d.entity", "d.entity_key"];
    private static readonly string[] ValuesOrder = ["u.member_key", "u.entity", "u.entity_key"];

    private SqlDialect Dialect => tables.Dialect;

    /// <summary>Members of <paramref name="present"/> missing from <paramref name="absent"/>: (member_key, profile_key).</summary>
    public SqlQuery Members(long present, long absent)
    {
        var sql = new BoundSql(Dialect);
        return sql.Render($"SELECT d.member_key, d.profile_key\nFROM ({MembersCore(sql, present, absent)}) AS d\nORDER BY {Dialect.OrdinalOrder("d.member_key")}");
    }

    /// <summary>Entity rows of <paramref name="present"/> missing from <paramref name="absent"/>: (member_key, profile_key, branch, entity, entity_key, parent_key).</summary>
    public SqlQuery Entities(long present, long absent)
    {
        var sql = new BoundSql(Dialect);
        var order = string.Join(", ", EntityOrder.Select(Dialect.OrdinalOrder));
        return sql.Render($"SELECT d.member_key, d.profile_key, d.branch, d.entity, d.entity_key, d.parent_key\nFROM ({EntitiesCore(sql, present, absent)}) AS d\nORDER BY {order}");
    }

    /// <summary>
    /// Members of both versions whose enrichment hash differs, with their values: a row (member_key, profile_key,
    /// NULL, NULL, traits...) per member and a row (member_key, profile_key, entity, entity_key, ..., columns) per
    /// enriched entity row, ordered by member so each member's rows come together.
    /// </summary>
    public SqlQuery ValuesChanged(long current, long previous, ResolvedEnrichment enrichment)
    {
        var sql = new BoundSql(Dialect);
        var text = Dialect.TextType;
        var traitNulls = enrichment.Traits.Select(t => graph.TypedNull(t.Type)).ToList();
        var entityNulls = enrichment.Entities.Select(e => e.Columns.Select(c => graph.TypedNull(c.Type)).ToList()).ToList();

        List<string> ValuesOf(int entityIndex, IEnumerable<string> entityValues) =>
            [.. entityNulls.SelectMany((nulls, i) => i == entityIndex ? entityValues : nulls)];

        var branches = new List<string>
        {
            Select(
                $"c.member_key, c.profile_key, CAST(NULL AS {text}) AS entity, CAST(NULL AS {text}) AS entity_key",
                [.. enrichment.Traits.Select(t => graph.Trait("ep", t)), .. ValuesOf(-1, [])],
                $"changed AS c\nLEFT JOIN {graph.ProfileTable} AS ep ON {graph.ProfileKey("ep")} = c.profile_key"),
        };
        for (var i = 0; i < enrichment.Entities.Count; i++)
        {
            var enriched = enrichment.Entities[i];
            var columns = enriched.Columns.Select(c => graph.Column("e", c.Name));
            if (enriched.IsTarget)
            {
                branches.Add(Select(
                    $"c.member_key, c.profile_key, {sql.Text(enriched.Entity.Name)} AS entity, c.member_key AS entity_key",
                    [.. traitNulls, .. ValuesOf(i, columns)],
                    $"changed AS c\nJOIN {graph.EntityTable(enriched.Entity)} AS e ON {graph.EntityKey("e", enriched.Entity)} = c.member_key"));
                continue;
            }

            branches.Add(Select(
                $"DISTINCT c.member_key, c.profile_key, s.entity, s.entity_key",
                [.. traitNulls, .. ValuesOf(i, columns)],
                $"""
                changed AS c
                JOIN {tables.Entities} AS s ON s.audience_key = {sql.Text(audienceKey)} AND s.version = {sql.BigInt(current)}
                    AND s.member_key = c.member_key AND s.entity = {sql.Text(enriched.Entity.Name)}
                JOIN {graph.EntityTable(enriched.Entity)} AS e ON {graph.EntityKey("e", enriched.Entity)} = s.entity_key
                """));
        }

        var order = string.Join(", ", ValuesOrder.Select(Dialect.OrdinalOrder));
        return sql.Render($"""
            WITH changed AS ({ChangedCore(sql, current, previous)})
            SELECT u.*
            FROM ({string.Join("\nUNION ALL\n", branches)}) AS u
            ORDER BY {order}
            """);

        static string Select(string head, IReadOnlyList<string> values, string from) =>
            $"SELECT {string.Join(", ", [head, .. values.Select((v, i) => $"{v} AS v{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}")])}\nFROM {from}";
    }

    /// <summary>How many members a version has: one row, member_count.</summary>
    public SqlQuery MemberCount(long version)
    {
        var sql = new BoundSql(Dialect);
        return sql.Render($"SELECT COUNT(*) AS member_count FROM {tables.Members} AS n WHERE n.audience_key = {sql.Text(audienceKey)} AND n.version = {sql.BigInt(version)}");
    }

    private string MembersCore(BoundSql sql, long present, long absent) => $"""
        SELECT DISTINCT a.member_key, a.profile_key
        FROM {tables.Members} AS a
        WHERE a.audience_key = {sql.Text(audienceKey)} AND a.version = {sql.BigInt(present)}
          AND NOT EXISTS (SELECT 1 FROM {tables.Members} AS b
                          WHERE b.audience_key = a.audience_key AND b.version = {sql.BigInt(absent)} AND b.member_key = a.member_key)
        """;

    // Joined to the members of the same version for the profile key (entity targets) and so that a row whose member
    // is not in that version (data changed between the two inserts) never becomes an event.
    private string EntitiesCore(BoundSql sql, long present, long absent) => $"""
        SELECT a.member_key, mm.profile_key, a.branch, a.entity, a.entity_key, MIN(a.parent_key) AS parent_key
        FROM {tables.Entities} AS a
        JOIN {tables.Members} AS mm ON mm.audience_key = a.audience_key AND mm.version = a.version AND mm.member_key = a.member_key
        WHERE a.audience_key = {sql.Text(audienceKey)} AND a.version = {sql.BigInt(present)}
          AND NOT EXISTS (SELECT 1 FROM {tables.Entities} AS b
                          WHERE b.audience_key = a.audience_key AND b.version = {sql.BigInt(absent)} AND b.member_key = a.member_key
                            AND b.branch = a.branch AND b.entity = a.entity AND b.entity_key = a.entity_key)
        GROUP BY a.member_key, mm.profile_key, a.branch, a.entity, a.entity_key
        """;

    private string ChangedCore(BoundSql sql, long current, long previous) => $"""
        SELECT DISTINCT n.member_key, n.profile_key
        FROM {tables.Members} AS n
        JOIN {tables.Members} AS o ON o.audience_key = n.audience_key AND o.version = {sql.BigInt(previous)} AND o.member_key = n.member_key
        WHERE n.audience_key = {sql.Text(audienceKey)} AND n.version = {sql.BigInt(current)} AND n.enrichment_hash <> o.enrichment_hash
        """;
}
