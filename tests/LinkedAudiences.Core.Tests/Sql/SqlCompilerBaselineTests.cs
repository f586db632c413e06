using System.Text;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Planning;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;

namespace LinkedAudiences.Core.Tests.Sql;

/// <summary>
/// The same definitions compiled for every dialect, asserted side by side against Sql/Baselines/*.sql
/// (LA_UPDATE_BASELINES=1 rewrites them).
/// </summary>
public sealed class SqlCompilerBaselineTests
{
    private static readonly SqlDialect[] Dialects = [DuckDbDialect.Instance, PostgreSqlDialect.Instance, SnowflakeDialect.Instance];

    private static readonly Dictionary<string, AudienceDefinition> Imports = new(StringComparer.Ordinal)
    {
        ["platinum"] = DemoGraph.Audience("""
            { "groups": [ { "conditions": [ { "kind": "trait", "trait": "plan", "operator": "equals", "value": "platinum" } ] } ] }
            """),
    };

    public static TheoryData<string> Cases => [.. Definitions.Keys];

    private static readonly Dictionary<string, string> Definitions = new(StringComparer.Ordinal)
    {
        ["nested_branch_filter_count"] = """
            { "groups": [ { "conditions": [
              { "kind": "entity", "entity": "account",
                "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] },
                "conditions": [
                  { "entity": "credit_card",
                    "where": { "filters": [ { "property": "balance_status", "operator": "equals", "value": "Outstanding" } ] },
                    "count": { "operator": "atLeast", "value": 2 } } ] } ] } ] }
            """,
        ["sibling_correlation"] = """
            { "groups": [ { "conditions": [
              { "kind": "entity", "entity": "account", "conditions": [
                { "entity": "order", "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] } },
                { "entity": "credit_card" } ] } ] } ] }
            """,
        ["without_entity"] = """
            { "groups": [ { "conditions": [
              { "kind": "entity", "entity": "account", "negate": true,
                "where": { "filters": [ { "property": "status", "operator": "equals", "value": "closed" } ] } } ] } ] }
            """,
        ["aggregate_sum_window"] = """
            { "groups": [ { "conditions": [
              { "kind": "entity", "entity": "sale", "window": { "column": "sold_at", "withinLastDays": 365 },
                "aggregate": { "function": "sum", "column": "amount", "operator": "greaterThan", "value": 5000000 } } ] } ] }
            """,
        ["aggregate_avg_and_exact_count"] = """
            { "groups": [ { "conditions": [
              { "kind": "entity", "entity": "wishlist_item", "count": { "operator": "exactly", "value": 3 },
                "aggregate": { "function": "avg", "column": "price", "operator": "greaterThanOrEqual", "value": 100 } },
              { "kind": "entity", "entity": "account", "negate": true, "aggregate": { "function": "max", "column": "credit_limit", "operator": "lessThan", "value": 1000 } } ] } ] }
            """,
        ["dynamic_references"] = """
            { "groups": [ { "conditions": [
              { "kind": "entity", "entity": "account", "conditions": [
                { "entity": "credit_card", "where": { "operator": "or", "filters": [
                  { "property": "card_limit", "operator": "greaterThan", "ref": { "entity": "account", "column": "credit_limit" } },
                  { "property": "balance", "operator": "greaterThan", "ref": { "trait": "credit_limit" } } ] } } ] } ] } ] }
            """,
        ["trait_conditions"] = """
            { "groups": [ { "operator": "or", "conditions": [
              { "kind": "trait", "trait": "city", "operator": "equals", "value": "Paris" },
              { "kind": "trait", "trait": "loyalty_points", "operator": "greaterThan", "value": 100 },
              { "kind": "trait", "trait": "is_vip", "operator": "equals", "value": true },
              { "kind": "trait", "trait": "last_seen_at", "operator": "greaterThanOrEqual", "value": "2026-10-01T00:00:00Z" },
              { "kind": "trait", "trait": "credit_limit", "operator": "lessThan", "ref": { "trait": "lifetime_value" } },
              { "kind": "trait", "trait": "favorite_color", "negate": true } ] } ] }
            """,
        ["string_operators"] = """
            { "groups": [ { "conditions": [
              { "kind": "trait", "trait": "email", "operator": "contains", "value": "@example" },
              { "kind": "trait", "trait": "first_name", "operator": "notContains", "value": "x" },
              { "kind": "trait", "trait": "plan", "operator": "startsWith", "value": "pl" },
              { "kind": "trait", "trait": "loyalty_tier", "operator": "endsWith", "value": "old" },
              { "kind": "trait", "trait": "role", "operator": "notEquals", "value": "broker" } ] } ] }
            """,
        ["event_property_window"] = """
            { "groups": [ { "conditions": [
              { "kind": "event", "event": "Order Completed", "window": { "withinLastDays": 30 }, "count": { "operator": "atLeast", "value": 2 },
                "where": { "filters": [
                  { "property": "amount", "operator": "greaterThan", "value": 50 },
                  { "property": "context.locale", "operator": "startsWith", "value": "fr" },
                  { "property": "is_gift", "operator": "equals", "value": false } ] } },
              { "kind": "event", "event": "Signed In", "negate": true, "window": { "from": "2026-10-01", "to": "2026-10-31" } } ] } ] }
            """,
        ["junction_relationship"] = """
            { "groups": [ { "conditions": [
              { "kind": "entity", "entity": "household", "conditions": [
                { "entity": "pet", "where": { "filters": [ { "property": "type", "operator": "equals", "value": "Cat" } ] } } ] },
              { "kind": "audience", "audience": "platinum" },
              { "kind": "audience", "audience": "churned", "mode": "membership", "negate": true } ] } ] }
            """,
        ["entity_target"] = """
            { "target": { "type": "entity", "entity": "credit_card" },
              "groups": [ { "conditions": [
                { "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] },
                  "conditions": [
                    { "entity": "credit_card", "where": { "filters": [ { "property": "balance_status", "operator": "equals", "value": "Outstanding" } ] },
                      "conditions": [ { "entity": "transaction", "window": { "column": "occurred_at", "withinLastDays": 90 } } ] } ] },
                { "kind": "trait", "trait": "plan", "operator": "equals", "value": "pro" } ] } ] }
            """,
        ["entity_target_two_groups"] = """
            { "target": { "type": "entity", "entity": "pet" }, "groupOperator": "or",
              "groups": [
                { "conditions": [ { "kind": "entity", "entity": "household", "conditions": [
                  { "entity": "pet", "where": { "filters": [ { "property": "type", "operator": "equals", "value": "Cat" } ] } } ] } ] },
                { "conditions": [ { "kind": "entity", "entity": "household", "count": { "operator": "exactly", "value": 1 }, "conditions": [
                  { "entity": "pet", "where": { "filters": [ { "property": "age", "operator": "greaterThan", "value": 10 } ] } } ] } ] } ] }
            """,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compile_Definition_MatchesBaseline(string name)
    {
        var plan = QueryPlanner.Plan(DemoGraph.Graph, DemoGraph.Audience(Definitions[name]), Imports);
        var text = new StringBuilder();
        foreach (var dialect in Dialects)
        {
            var compiled = new SqlCompiler(dialect).Compile(plan, new CompileOptions { AsOf = DemoGraph.AsOf });
            text.Append(Baseline.Describe(dialect.Name + ": members", compiled.Members)).Append('\n');
        }

        foreach (var dialect in Dialects)
        {
            var compiled = new SqlCompiler(dialect).Compile(plan, new CompileOptions { AsOf = DemoGraph.AsOf });
            text.Append(Baseline.Describe(dialect.Name + ": matched entities", compiled.MatchedEntities)).Append('\n');
        }

        Baseline.Verify(name, text.ToString());
    }
}
