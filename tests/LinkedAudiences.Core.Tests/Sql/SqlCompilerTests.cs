using System.Text;
using System.Text.RegularExpressions;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Planning;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;

namespace LinkedAudiences.Core.Tests.Sql;

public sealed partial class SqlCompilerTests
{
    private static readonly SqlDialect[] Dialects = [DuckDbDialect.Instance, PostgreSqlDialect.Instance, SnowflakeDialect.Instance];
    private static readonly Dictionary<string, AudienceDefinition> NoImports = new(StringComparer.Ordinal);

    private const string AccountsWithCards = """
        { "groups": [ { "conditions": [ { "kind": "entity", "entity": "account",
          "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] },
          "conditions": [ { "entity": "credit_card", "where": { "filters": [ { "property": "network", "operator": "equals", "value": "Visa" } ] } } ] } ] } ] }
        """;

    [Fact]
    public void CompiledAudience_CountSampleAndPreview_MatchBaseline()
    {
        var text = new StringBuilder();
        foreach (var dialect in Dialects)
        {
            var compiled = Compile(dialect, AccountsWithCards);
            text.Append(Baseline.Describe(dialect.Name + ": count", compiled.Count)).Append('\n');
            text.Append(Baseline.Describe(dialect.Name + ": sample 10", compiled.Sample(10))).Append('\n');
            text.Append(Baseline.Describe(dialect.Name + ": matched entities of u1, u2", compiled.MatchedEntitiesFor(["u1", "u2"]))).Append('\n');
        }

        Baseline.Verify("compiled_audience_queries", text.ToString());
    }

    [Theory]
    [InlineData("duckdb")]
    [InlineData("postgres")]
    public void Compile_DollarPlaceholders_AreNumberedInTextOrderOnePerParameter(string name)
    {
        var compiled = Compile(Dialects.Single(d => d.Name == name), AccountsWithCards);

        foreach (var query in new[] { compiled.Members, compiled.Count, compiled.MatchedEntities, compiled.MatchedEntitiesFor(["a", "b"]), compiled.Sample(5) })
        {
            var numbers = DollarPlaceholder().Matches(query.Sql).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(1, query.Parameters.Count), numbers);
        }
    }

    [Fact]
    public void Compile_Snowflake_EveryQuestionMarkIsItsOwnParameterInOrder()
    {
        var duck = Compile(DuckDbDialect.Instance, AccountsWithCards);
        var snow = Compile(SnowflakeDialect.Instance, AccountsWithCards);

        Assert.Equal(snow.MatchedEntities.Parameters.Count, snow.MatchedEntities.Sql.Count(c => c == '?'));
        Assert.Equal(duck.MatchedEntities.Parameters.Select(p => p.Value), snow.MatchedEntities.Parameters.Select(p => p.Value));
        Assert.Equal(["active", "Visa", "0.0", "account"], snow.MatchedEntities.Parameters.Take(4).Select(p => p.Value));
        Assert.Equal(["a"], snow.MatchedEntitiesFor(["a"]).Parameters.Skip(2).Take(1).Select(p => p.Value));
    }

    [Fact]
    public void Compile_PostgreSqlEndsWith_BindsTheSuffixOncePerPlaceholder()
    {
        var query = Compile(PostgreSqlDialect.Instance, """
            { "groups": [ { "conditions": [ { "kind": "trait", "trait": "email", "operator": "endsWith", "value": "@example.com" } ] } ] }
            """).Members;

        Assert.Contains("right(p.\"email\", length($1)) = $2", query.Sql, StringComparison.Ordinal);
        Assert.Equal(["@example.com", "@example.com"], query.Parameters.Select(p => p.Value));
    }

    [Fact]
    public void Compile_ValuesThatLookLikeSql_AreOnlyParameters()
    {
        const string hostile = "x' OR 1=1; DROP TABLE profiles; --";
        foreach (var dialect in Dialects)
        {
            var query = Compile(dialect, $$"""
                { "groups": [ { "conditions": [ { "kind": "trait", "trait": "city", "operator": "contains", "value": "{{hostile}}" } ] } ] }
                """).Members;

            Assert.DoesNotContain("DROP", query.Sql, StringComparison.Ordinal);
            Assert.Equal([hostile], query.Parameters.Select(p => p.Value));
        }
    }

    [Fact]
    public void Compile_AsOf_IsBoundAsWindowBoundsNeverTheDatabaseClock()
    {
        const string definition = """
            { "groups": [ { "conditions": [
              { "kind": "entity", "entity": "account", "window": { "column": "opened_at", "withinLastDays": 7 } },
              { "kind": "entity", "entity": "household", "window": { "column": "created_on", "withinLastDays": 1 } } ] } ] }
            """;
        var asOf = new DateTimeOffset(2026, 3, 1, 6, 30, 0, TimeSpan.FromHours(2));

        foreach (var dialect in Dialects)
        {
            var query = Compile(dialect, definition, asOf).Members;

            Assert.DoesNotMatch(ClockFunction(), query.Sql);
            Assert.Equal(
                [new DateTime(2026, 2, 22, 4, 30, 0), new DateTime(2026, 3, 1, 4, 30, 0), new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 1)],
                query.Parameters.Select(p => p.Value));
        }
    }

    [Fact]
    public void Compile_QuotedNamesFromTheGraph_AreQuotedExactly()
    {
        var graph = DemoGraph.Graph with
        {
            Profile = DemoGraph.Graph.Profile with { Schema = "Crm", Table = "People\"s" },
            Entities = [new EntityDefinition { Name = "account", Schema = "Billing", Table = "Accounts", PrimaryKey = "Id", Columns = [new ColumnDefinition { Name = "Status Code", Type = DataType.String }] }],
            Relationships = [new Relationship { Name = "r", From = "profile", To = "account", Join = new JoinColumns { FromColumn = "profile_id", ToColumn = "Owner" } }],
        };
        var plan = QueryPlanner.Plan(graph, DemoGraph.Audience("""
            { "groups": [ { "conditions": [ { "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "Status Code", "operator": "equals", "value": "A" } ] } } ] } ] }
            """), NoImports);

        var sql = new SqlCompiler(SnowflakeDialect.Instance).Compile(plan, new CompileOptions { AsOf = DemoGraph.AsOf }).Members.Sql;

        Assert.Contains("FROM \"Crm\".\"People\"\"s\" AS p", sql, StringComparison.Ordinal);
        Assert.Contains("FROM \"Billing\".\"Accounts\" AS e1", sql, StringComparison.Ordinal);
        Assert.Contains("e1.\"Owner\" = p.\"profile_id\"", sql, StringComparison.Ordinal);
        Assert.Contains("e1.\"Status Code\" = ?", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_NameWithControlCharacter_Throws()
    {
        var graph = DemoGraph.Graph with { Profile = DemoGraph.Graph.Profile with { Table = "profiles\n; DROP" } };
        var plan = QueryPlanner.Plan(graph, DemoGraph.Audience("""{ "groups": [] }"""), NoImports);

        Assert.Throws<InvalidOperationException>(() => new SqlCompiler(DuckDbDialect.Instance).Compile(plan, new CompileOptions { AsOf = DemoGraph.AsOf }));
    }

    [Fact]
    public void Compile_NoGroups_SelectsEveryProfile()
    {
        var query = Compile(DuckDbDialect.Instance, """{ "groups": [] }""").Members;

        Assert.Equal("SELECT DISTINCT CAST(p.\"profile_id\" AS VARCHAR) AS member_key\nFROM \"profiles\" AS p\nWHERE TRUE", query.Sql);
    }

    [Fact]
    public void Compile_EmptyOrGroup_HoldsForNobody()
    {
        var query = Compile(DuckDbDialect.Instance, """{ "groups": [ { "operator": "or", "conditions": [] } ] }""").Members;

        Assert.EndsWith("WHERE FALSE", query.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void MatchedEntities_NoPositiveEntityCondition_HasTheRowShapeAndNoRows()
    {
        var query = Compile(PostgreSqlDialect.Instance, """
            { "groups": [ { "conditions": [ { "kind": "entity", "entity": "account", "negate": true }, { "kind": "trait", "trait": "plan" } ] } ] }
            """).MatchedEntities;

        Assert.EndsWith(
            "SELECT m.member_key, CAST(NULL AS VARCHAR) AS branch, CAST(NULL AS INTEGER) AS depth, CAST(NULL AS VARCHAR) AS entity, CAST(NULL AS VARCHAR) AS entity_key, CAST(NULL AS VARCHAR) AS parent_key\nFROM la_members AS m\nWHERE FALSE",
            query.Sql,
            StringComparison.Ordinal);
    }

    [Fact]
    public void MatchedEntitiesFor_NoKeys_SelectsNoMember()
    {
        var query = Compile(DuckDbDialect.Instance, AccountsWithCards).MatchedEntitiesFor([]);

        Assert.Contains(") AS m\n  WHERE FALSE\n)", query.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_MembershipOptions_NameTheStoredMembershipTable()
    {
        var plan = QueryPlanner.Plan(DemoGraph.Graph, DemoGraph.Audience("""
            { "groups": [ { "conditions": [ { "kind": "audience", "audience": "vip", "mode": "membership" } ] } ] }
            """), NoImports);

        var query = new SqlCompiler(PostgreSqlDialect.Instance).Compile(plan, new CompileOptions { AsOf = DemoGraph.AsOf, MembershipSchema = "Snap", MembershipTable = "members_v2" }).Members;

        Assert.Contains("FROM \"Snap\".\"members_v2\" AS m1", query.Sql, StringComparison.Ordinal);
        Assert.Equal(["vip"], query.Parameters.Select(p => p.Value));
    }

    [Theory]
    [InlineData("""{ "operator": "atLeast", "value": 1 }""", "WHERE EXISTS (")]
    [InlineData("""{ "operator": "atLeast", "value": 3 }""", "WHERE p.\"profile_id\" IN (")]
    [InlineData("""{ "operator": "exactly", "value": 2 }""", "HAVING COUNT(*) = $1\n  )")]
    [InlineData("""{ "operator": "exactly", "value": 0 }""", "WHERE (p.\"profile_id\" IS NULL OR p.\"profile_id\" NOT IN (")]
    [InlineData("""{ "operator": "atMost", "value": 2 }""", "HAVING NOT (COUNT(*) <= $1)\n  ))")]
    public void Compile_Count_UsesExistsForAtLeastOneAndGroupedSetsOtherwise(string count, string expected)
    {
        var query = Compile(DuckDbDialect.Instance, $$"""{ "groups": [ { "conditions": [ { "kind": "entity", "entity": "account", "count": {{count}} } ] } ] }""").Members;

        Assert.Contains(expected, query.Sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("count", "lessThan", "NOT IN (")]
    [InlineData("count", "greaterThan", "HAVING COUNT(*) > CAST($1 AS DECIMAL(38, 10))\n  )")]
    [InlineData("sum", "lessThan", "HAVING SUM(e1.\"credit_limit\") < CAST($1 AS DECIMAL(38, 10))\n  )")]
    [InlineData("avg", "equals", "HAVING SUM(e1.\"credit_limit\") = CAST($1 AS DECIMAL(38, 10)) * COUNT(e1.\"credit_limit\")\n  )")]
    public void Compile_Aggregate_UsesTheComplementOnlyWhenNoRowsPass(string function, string op, string expected)
    {
        var query = Compile(DuckDbDialect.Instance, $$"""
            { "groups": [ { "conditions": [ { "kind": "entity", "entity": "account",
              "aggregate": { "function": "{{function}}", "column": "credit_limit", "operator": "{{op}}", "value": 5 } } ] } ] }
            """).Members;

        Assert.Contains(expected, query.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_NegativeLimit_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Compile(DuckDbDialect.Instance, AccountsWithCards).Sample(-1));

    private static CompiledAudience Compile(SqlDialect dialect, string definition, DateTimeOffset? asOf = null) =>
        new SqlCompiler(dialect).Compile(
            QueryPlanner.Plan(DemoGraph.Graph, DemoGraph.Audience(definition), NoImports),
            new CompileOptions { AsOf = asOf ?? DemoGraph.AsOf });

    [GeneratedRegex(@"\$(\d+)")]
    private static partial Regex DollarPlaceholder();

    [GeneratedRegex(@"(?i)\b(now|current_timestamp|current_date|getdate|sysdate)\b")]
    private static partial Regex ClockFunction();
}
