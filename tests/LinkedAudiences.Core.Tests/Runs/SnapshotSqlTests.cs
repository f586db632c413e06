using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Snapshots;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;

namespace LinkedAudiences.Core.Tests.Runs;

/// <summary>The snapshot SQL per dialect: placeholders in text order, the dialects' spellings, names from the options.</summary>
public sealed class SnapshotSqlTests
{
    private static readonly EnrichmentSpec Enrichment = new()
    {
        Traits = ["email", "loyalty_tier"],
        Entities = [new EntityEnrichment("credit_card", ["balance"])],
    };

    [Fact]
    public void Render_EmbeddedQueryThenValues_NumbersValuesAfterTheEmbeddedParameters()
    {
        var sql = new BoundSql(PostgreSqlDialect.Instance);
        var embedded = new SqlQuery("SELECT $1 AS a, $2 AS b", [new("p1", "x"), new("p2", 5L)]);

        var query = sql.Render($"SELECT * FROM ({BoundSql.Embedded}) AS e WHERE e.a = {sql.Value("y")} AND e.b = {sql.Value(6L)}", embedded);

        Assert.Equal("SELECT * FROM (SELECT $1 AS a, $2 AS b) AS e WHERE e.a = $3 AND e.b = $4", query.Sql);
        Assert.Equal(["x", 5L, "y", 6L], query.Parameters.Select(p => p.Value));
    }

    [Fact]
    public void Render_ValuesCreatedOutOfTextOrder_BindInTextOrder()
    {
        var sql = new BoundSql(SnowflakeDialect.Instance);
        var later = sql.Value("second");
        var earlier = sql.Value("first");

        var query = sql.Render($"SELECT {earlier}, {later}");

        Assert.Equal("SELECT ?, ?", query.Sql);
        Assert.Equal(["first", "second"], query.Parameters.Select(p => p.Value));
    }

    [Fact]
    public void Render_ValueBeforeTheEmbeddedQuery_IsRefused()
    {
        var sql = new BoundSql(DuckDbDialect.Instance);

        var error = Assert.Throws<InvalidOperationException>(() => sql.Render($"SELECT {sql.Value(1L)} FROM ({BoundSql.Embedded}) AS e", SqlQuery.Text("SELECT 1")));

        Assert.Contains("cannot precede", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("duckdb", "string_agg(r.row_text, '' ORDER BY r.row_text)")]
    [InlineData("postgres", "string_agg(r.row_text, '' ORDER BY r.row_text COLLATE \"C\")")]
    [InlineData("snowflake", "LISTAGG(r.row_text, '') WITHIN GROUP (ORDER BY r.row_text)")]
    public async Task InsertMembers_EveryDialect_HashesInTheWarehouseWithItsOwnAggregate(string dialectName, string aggregate)
    {
        var dialect = SqlDialects.Get(dialectName);
        var compiled = await Compiled.CompileAsync(dialect);
        var tables = new SnapshotTables(dialect, new SnapshotOptions { Schema = "la" });
        var inserts = new SnapshotInserts(tables, new GraphSql(dialect, compiled.Plan.Graph), compiled.Plan, "pro-outstanding");

        var query = inserts.Members(compiled, 7, ResolvedEnrichment.Resolve(Enrichment, compiled.Plan));

        Assert.StartsWith("INSERT INTO \"la\".\"snapshot_members\" (audience_key, version, member_key, profile_key, enrichment_hash)", query.Sql, StringComparison.Ordinal);
        Assert.Contains(aggregate, query.Sql, StringComparison.Ordinal);
        Assert.Contains("md5(", query.Sql, StringComparison.Ordinal);
        // The compiled members' parameters first, then the snapshot's own in text order: the version tag, the entity join.
        Assert.Equal([.. compiled.Members.Parameters.Select(p => p.Value), "pro-outstanding", 7L, "pro-outstanding", 7L, "credit_card"], query.Parameters.Select(p => p.Value));
        Assert.Equal(query.Parameters.Count, Placeholders(dialect, query.Sql));
    }

    [Fact]
    public async Task InsertMembers_NothingEnriched_StoresNoHash()
    {
        var compiled = await Compiled.CompileAsync(DuckDbDialect.Instance);
        var inserts = new SnapshotInserts(new SnapshotTables(DuckDbDialect.Instance, new SnapshotOptions()), new GraphSql(DuckDbDialect.Instance, compiled.Plan.Graph), compiled.Plan, "k");

        var query = inserts.Members(compiled, 1, ResolvedEnrichment.Resolve(EnrichmentSpec.None, compiled.Plan));

        Assert.Contains("CAST(NULL AS VARCHAR)", query.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("md5", query.Sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("duckdb")]
    [InlineData("postgres")]
    [InlineData("snowflake")]
    public void Diff_EveryDialect_BindsAudienceAndVersionsInTextOrder(string dialectName)
    {
        var dialect = SqlDialects.Get(dialectName);
        var diff = new SnapshotDiff(new SnapshotTables(dialect, new SnapshotOptions()), new GraphSql(dialect, Demo.DemoGraph.Graph), "k");

        var entered = diff.Members(present: 4, absent: 3);
        var exited = diff.Members(present: 3, absent: 4);

        Assert.Equal(["k", 4L, 3L], entered.Parameters.Select(p => p.Value));
        Assert.Equal(["k", 3L, 4L], exited.Parameters.Select(p => p.Value));
        Assert.Equal(3, Placeholders(dialect, entered.Sql));
        Assert.Contains("NOT EXISTS", entered.Sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("duckdb", false)]
    [InlineData("postgres", true)]
    [InlineData("snowflake", false)]
    public void CreateIndex_OnlyWhereIndexesPay(string dialectName, bool expected)
    {
        var index = SqlDialects.Get(dialectName).CreateIndexIfNotExists("i", "\"s\".\"t\"", ["a", "b"]);

        Assert.Equal(expected ? "CREATE INDEX IF NOT EXISTS \"i\" ON \"s\".\"t\" (\"a\", \"b\")" : null, index);
    }

    [Theory]
    [InlineData("duckdb", null)]
    [InlineData("postgres", "ANALYZE \"s\".\"t\"")]
    [InlineData("snowflake", null)]
    public void AnalyzeTable_OnlyWherePlannersNeedFreshStatistics(string dialectName, string? expected)
    {
        Assert.Equal(expected, SqlDialects.Get(dialectName).AnalyzeTable("\"s\".\"t\""));
    }

    [Fact]
    public async Task ResolveEnrichment_UnknownNamesAndNegatedBranches_ListsEveryProblem()
    {
        var compiled = await Compiled.CompileAsync(DuckDbDialect.Instance);
        var spec = new EnrichmentSpec
        {
            Traits = ["email", "shoe_size"],
            Entities = [new EntityEnrichment("credit_card", ["balance", "colour"]), new EntityEnrichment("pet", ["name"]), new EntityEnrichment("ghost", ["x"])],
        };

        var error = Assert.Throws<SnapshotException>(() => ResolvedEnrichment.Resolve(spec, compiled.Plan));

        Assert.Equal(
            "The enrichment does not fit the audience: trait 'shoe_size' is not in the data graph; column 'colour' is not a column of entity 'credit_card'; "
            + "entity 'pet' is not matched by the audience; entity 'ghost' is not matched by the audience.",
            error.Message);
    }

    [Fact]
    public async Task ResolveEnrichment_EntityTarget_AcceptsTheTargetEntity()
    {
        var cards = Compiled.Definition("""
            { "target": { "type": "entity", "entity": "credit_card" }, "groups": [ { "conditions": [
                { "kind": "entity", "entity": "account", "conditions": [ { "entity": "credit_card" } ] } ] } ] }
            """);
        var compiled = await Compiled.CompileAsync(DuckDbDialect.Instance, cards);

        var resolved = ResolvedEnrichment.Resolve(new EnrichmentSpec { Entities = [new EntityEnrichment("credit_card", ["balance"])] }, compiled.Plan);

        Assert.True(Assert.Single(resolved.Entities).IsTarget);
    }

    private static int Placeholders(SqlDialect dialect, string sql) =>
        dialect is SnowflakeDialect ? sql.Count(c => c == '?') : System.Text.RegularExpressions.Regex.Matches(sql, @"\$[0-9]+").Select(m => m.Value).Distinct(StringComparer.Ordinal).Count();
}
