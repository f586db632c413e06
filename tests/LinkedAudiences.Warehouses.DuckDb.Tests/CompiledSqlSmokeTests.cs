using DuckDB.NET.Data;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Planning;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Core.Suggestions;

namespace LinkedAudiences.Warehouses.DuckDb.Tests;

/// <summary>
/// Runs the compiler's DuckDB SQL against a tiny hand-made demo-shaped world in an in-memory database and asserts
/// the exact members. Ids: profiles u1..u6, accounts 10x, cards 20x, orders 30x, households 40x, pets 50x, sales 60x.
/// </summary>
public sealed class CompiledSqlSmokeTests : IDisposable
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly DuckDBConnection _connection = new("Data Source=:memory:");

    public CompiledSqlSmokeTests()
    {
        _connection.Open();
        Execute(World);
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Members_NestedBranchWithFilterAndCount_KeepsProfilesWithTwoOutstandingCardsOnAnActiveAccount()
    {
        var members = Members("""
            { "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] },
              "conditions": [ { "entity": "credit_card", "where": { "filters": [ { "property": "balance_status", "operator": "equals", "value": "Outstanding" } ] },
                                "count": { "operator": "atLeast", "value": 2 } } ] }
            """);

        Assert.Equal(["u1"], members);
    }

    [Fact]
    public void Members_SiblingConditions_RequireTheSameAccountToHaveBoth()
    {
        // u4 has an active order on one account and a card on another: not the same account.
        var members = Members("""
            { "kind": "entity", "entity": "account", "conditions": [
              { "entity": "order", "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] } },
              { "entity": "credit_card" } ] }
            """);

        Assert.Equal(["u1"], members);
    }

    [Fact]
    public void Members_WithoutEntity_IncludesProfilesWithNoRowsAtAll()
    {
        var members = Members("""
            { "kind": "entity", "entity": "account", "negate": true, "where": { "filters": [ { "property": "status", "operator": "equals", "value": "closed" } ] } }
            """);

        Assert.Equal(["u2", "u4", "u5", "u6"], members);
    }

    [Fact]
    public void Members_AtMostCount_IncludesProfilesWithNone()
    {
        var members = Members("""{ "kind": "entity", "entity": "account", "count": { "operator": "atMost", "value": 1 } }""");

        Assert.Equal(["u2", "u3", "u5", "u6"], members);
    }

    [Fact]
    public void Members_NegatedAtMostCount_KeepsTheRest()
    {
        var members = Members("""{ "kind": "entity", "entity": "account", "negate": true, "count": { "operator": "atMost", "value": 1 } }""");

        Assert.Equal(["u1", "u4"], members);
    }

    [Fact]
    public void Members_AggregateCountBelow_IncludesProfilesWithNoRows()
    {
        var members = Members("""{ "kind": "entity", "entity": "account", "aggregate": { "function": "count", "operator": "lessThan", "value": 2 } }""");

        Assert.Equal(["u2", "u3", "u5", "u6"], members);
    }

    [Fact]
    public void Members_EventCountExactlyZero_KeepsProfilesWithoutSuchEvents()
    {
        var members = Members("""
            { "kind": "event", "event": "Order Completed", "window": { "withinLastDays": 30 }, "count": { "operator": "exactly", "value": 0 } }
            """);

        Assert.Equal(["u2"], members);
    }

    [Fact]
    public void Members_EventCountAtLeastTwo_CountsMatchingEventsOnly()
    {
        var members = Members("""{ "kind": "event", "event": "Order Completed", "count": { "operator": "atLeast", "value": 2 } }""");

        Assert.Empty(members);
        Assert.Equal(["u4"], Members("""{ "kind": "event", "event": "Product Viewed", "count": { "operator": "exactly", "value": 1 } }"""));
    }

    [Fact]
    public void Members_SumOverWindow_CountsOnlyRowsInsideTheWindow()
    {
        var members = Members("""
            { "kind": "entity", "entity": "sale", "window": { "column": "sold_at", "withinLastDays": 365 },
              "aggregate": { "function": "sum", "column": "amount", "operator": "greaterThan", "value": 5000000 } }
            """);

        Assert.Equal(["u6"], members);
    }

    [Fact]
    public void Members_AverageAggregate_ComparesExactly()
    {
        // u1's cards 600 and 400.10 average 500.05 exactly; floating point would miss the equality.
        var members = Members("""
            { "kind": "entity", "entity": "account", "conditions": [ { "entity": "credit_card",
              "aggregate": { "function": "avg", "column": "card_limit", "operator": "equals", "value": 500.05 } } ] }
            """);

        Assert.Equal(["u1"], members);
    }

    [Fact]
    public void Members_DynamicReferenceToParentColumn_ComparesWithThatAccount()
    {
        var members = Members("""
            { "kind": "entity", "entity": "account", "conditions": [ { "entity": "credit_card", "where": { "filters": [
              { "property": "card_limit", "operator": "greaterThan", "ref": { "entity": "account", "column": "credit_limit" } } ] } } ] }
            """);

        Assert.Equal(["u1", "u4"], members);
    }

    [Fact]
    public void Members_NestedJsonTrait_IsCaseSensitiveAndIgnoresValuesOfTheWrongKind()
    {
        Assert.Equal(["u1"], Members("""{ "kind": "trait", "trait": "city", "operator": "equals", "value": "Paris" }"""));
        // u2's points are the string "200": the wrong kind counts as missing.
        Assert.Equal(["u1"], Members("""{ "kind": "trait", "trait": "loyalty_points", "operator": "greaterThan", "value": 100 }"""));
        Assert.Equal(["u1"], Members("""{ "kind": "trait", "trait": "last_seen_at", "operator": "greaterThan", "value": "2026-10-01T00:00:00Z" }"""));
        // Missing traits fail "not equals" too; "without trait" takes them in, wrong kinds included.
        Assert.Equal(["u2", "u4"], Members("""{ "kind": "trait", "trait": "city", "operator": "notEquals", "value": "Paris" }"""));
        Assert.Equal(["u2", "u3", "u5", "u6"], Members("""{ "kind": "trait", "trait": "loyalty_points", "negate": true }"""));
    }

    [Fact]
    public void Members_StringOperators_AreCaseSensitiveAndFailOnMissingValues()
    {
        Assert.Equal(["u1", "u2", "u4"], Members("""{ "kind": "trait", "trait": "email", "operator": "endsWith", "value": "example.com" }"""));
        Assert.Empty(Members("""{ "kind": "trait", "trait": "email", "operator": "endsWith", "value": "Example.com" }"""));
        Assert.Equal(["u1", "u4"], Members("""{ "kind": "trait", "trait": "email", "operator": "notContains", "value": "b@" }"""));
        Assert.Equal(["u2"], Members("""{ "kind": "trait", "trait": "email", "operator": "startsWith", "value": "b" }"""));
        Assert.Equal(["u1", "u2", "u4"], Members("""{ "kind": "trait", "trait": "email", "operator": "contains", "value": "" }"""));
    }

    [Fact]
    public void Members_DateAndTimeConstants_BindAsDatesAndTimes()
    {
        Assert.Equal(["u2"], Members("""{ "kind": "trait", "trait": "birthday", "operator": "lessThan", "value": "1989-01-01" }"""));
        Assert.Equal(["u2"], Members("""{ "kind": "trait", "trait": "preferred_contact_time", "operator": "greaterThan", "value": "12:00" }"""));
    }

    [Fact]
    public void Members_WindowOnDateColumn_CountsWholeDaysBackFromTheAsOfDate()
    {
        const string template = """
            { "kind": "entity", "entity": "household", "conditions": [ { "entity": "pet", "window": { "column": "adopted_on", "withinLastDays": DAYS } } ] }
            """;

        Assert.Equal(["u3"], Members(template.Replace("DAYS", "1", StringComparison.Ordinal)));
        Assert.Equal(["u1", "u2", "u3"], Members(template.Replace("DAYS", "2", StringComparison.Ordinal)));
    }

    [Fact]
    public void Members_EventWithPropertyFilterAndWindow_KeepsOnlyMatchingRecentEvents()
    {
        var members = Members("""
            { "kind": "event", "event": "Order Completed", "window": { "withinLastDays": 30 },
              "where": { "filters": [ { "property": "amount", "operator": "greaterThan", "value": 50 },
                                      { "property": "context.locale", "operator": "startsWith", "value": "fr" } ] } }
            """);

        Assert.Equal(["u1"], members);
    }

    [Fact]
    public void Members_EventBetweenDates_IncludesBothEndDays()
    {
        var members = Members("""{ "kind": "event", "event": "Order Completed", "window": { "from": "2026-08-01", "to": "2026-10-20" } }""");

        Assert.Equal(["u1", "u2"], members);
    }

    [Fact]
    public void Members_JunctionRelationship_FollowsTheJunctionAndCountsRepeatedRowsOnce()
    {
        Assert.Equal(["u1", "u2"], Members("""
            { "kind": "entity", "entity": "household", "conditions": [
              { "entity": "pet", "where": { "filters": [ { "property": "type", "operator": "equals", "value": "Cat" } ] } } ] }
            """));
        // household_members lists (u1, 401) twice.
        Assert.Equal(["u1", "u2", "u3"], Members("""{ "kind": "entity", "entity": "household", "count": { "operator": "exactly", "value": 1 } }"""));
    }

    [Fact]
    public void Members_JunctionAggregate_SumsRepeatedRowsOnce()
    {
        // u1 is listed twice in household 401 (size 3): the sum is 3, not 6.
        var members = Members("""{ "kind": "entity", "entity": "household", "aggregate": { "function": "sum", "column": "size", "operator": "equals", "value": 3 } }""");

        Assert.Equal(["u1", "u2"], members);
    }

    [Fact]
    public void Members_AudienceConditions_ImportAndMembership()
    {
        var imports = new Dictionary<string, AudienceDefinition>(StringComparer.Ordinal)
        {
            ["pro"] = Definition("""{ "kind": "trait", "trait": "plan", "operator": "equals", "value": "pro" }"""),
        };

        Assert.Equal(["u1", "u4"], Members("""{ "kind": "audience", "audience": "pro" }""", imports));
        // "Not part of" is the complement, profiles with a missing trait included.
        imports["parisians-or-big-accounts"] = LinkedAudiencesJson.ParseAudience("""
            { "groupOperator": "or", "groups": [
              { "conditions": [ { "kind": "trait", "trait": "city", "operator": "equals", "value": "Paris" } ] },
              { "conditions": [ { "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "credit_limit", "operator": "greaterThan", "value": 1000 } ] } } ] } ] }
            """);
        Assert.Equal(["u1", "u2"], Members("""{ "kind": "audience", "audience": "parisians-or-big-accounts" }""", imports));
        Assert.Equal(["u3", "u4", "u5", "u6"], Members("""{ "kind": "audience", "audience": "parisians-or-big-accounts", "negate": true }""", imports));
        Assert.Equal(["u1", "u2", "u4", "u5", "u6"], Members("""{ "kind": "audience", "audience": "stored", "mode": "membership", "negate": true }"""));
    }

    [Fact]
    public void Members_EntityTarget_ReturnsTheTargetRowsOfQualifyingProfiles()
    {
        var definition = LinkedAudiencesJson.ParseAudience("""
            { "target": { "type": "entity", "entity": "credit_card" }, "groups": [ { "conditions": [
              { "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] },
                "conditions": [ { "entity": "credit_card", "where": { "filters": [ { "property": "balance_status", "operator": "equals", "value": "Outstanding" } ] } } ] },
              { "kind": "trait", "trait": "plan", "operator": "equals", "value": "pro" } ] } ] }
            """);
        var compiled = Compile(definition);

        Assert.Equal(["201", "202"], Strings(compiled.Members));
        Assert.Equal(2L, Convert.ToInt64(Rows(compiled.Count).Single()[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void MatchedEntities_ProfileTarget_ListsQualifyingRowsPerBranchAndLevel()
    {
        var compiled = Compile(Definition("""
            { "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] },
              "conditions": [ { "entity": "credit_card", "where": { "filters": [ { "property": "balance_status", "operator": "equals", "value": "Outstanding" } ] } } ] }
            """));

        // member|branch|depth|entity|entity_key|parent_key, sorted.
        Assert.Equal(
            ["u1|0.0.0|2|credit_card|201|101", "u1|0.0.0|2|credit_card|202|101", "u1|0.0|1|account|101|u1", "u2|0.0.0|2|credit_card|203|103", "u2|0.0|1|account|103|u2"],
            Matched(compiled.MatchedEntities));
        Assert.Equal(["u2|0.0.0|2|credit_card|203|103", "u2|0.0|1|account|103|u2"], Matched(compiled.MatchedEntitiesFor(["u2", "u5"])));
        Assert.Equal(["u1"], Strings(compiled.Sample(1)));
        Assert.Equal(2L, Convert.ToInt64(Rows(compiled.Count).Single()[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void MatchedEntities_EntityTarget_ListsRowsBelowTheTargetRow()
    {
        var compiled = Compile(LinkedAudiencesJson.ParseAudience("""
            { "target": { "type": "entity", "entity": "account" }, "groups": [ { "conditions": [
              { "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] },
                "conditions": [ { "entity": "credit_card", "where": { "filters": [ { "property": "balance_status", "operator": "equals", "value": "Outstanding" } ] } } ] } ] } ] }
            """));

        Assert.Equal(["101", "103"], Strings(compiled.Members));
        Assert.Equal(
            ["101|0.0.0|2|credit_card|201|101", "101|0.0.0|2|credit_card|202|101", "103|0.0.0|2|credit_card|203|103"],
            Matched(compiled.MatchedEntities));
    }

    [Fact]
    public void Suggestions_EntityColumn_AreUniqueValuesInOrdinalOrder()
    {
        var query = new SuggestionCompiler(DuckDbDialect.Instance).EntityColumnValues(Graph, "pet", "type");

        Assert.Equal(["Cat", "Dog", "cat"], Rows(query).Select(r => (string)r[0]!));
    }

    [Fact]
    public void Suggestions_EventProperty_AreTheMostFrequentValuesOfThatEventOnly()
    {
        var query = new SuggestionCompiler(DuckDbDialect.Instance).EventPropertyValues(Graph, "Order Completed", "context.locale", limit: 1);

        Assert.Equal("fr-FR|4", Matched(query).Single());
    }

    [Fact]
    public void Suggestions_NestedTrait_SkipValuesOfTheWrongKind()
    {
        var query = new SuggestionCompiler(DuckDbDialect.Instance).TraitValues(Graph, "loyalty_points");

        // Ties in frequency are ordered by value: numbers numerically.
        Assert.Equal(["50|1", "150|1"], Rows(query).Select(r => string.Join('|', r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))));
    }

    private List<string> Members(string conditionJson, IReadOnlyDictionary<string, AudienceDefinition>? imports = null) =>
        Strings(Compile(Definition(conditionJson), imports).Members);

    private static AudienceDefinition Definition(string conditionJson) =>
        LinkedAudiencesJson.ParseAudience($$"""{ "groups": [ { "conditions": [ {{conditionJson}} ] } ] }""");

    private static CompiledAudience Compile(AudienceDefinition definition, IReadOnlyDictionary<string, AudienceDefinition>? imports = null)
    {
        var plan = QueryPlanner.Plan(Graph, definition, imports ?? new Dictionary<string, AudienceDefinition>());
        return new SqlCompiler(DuckDbDialect.Instance).Compile(plan, new CompileOptions { AsOf = AsOf });
    }

    private List<string> Strings(SqlQuery query) => [.. Rows(query).Select(r => (string)r[0]!).Order(StringComparer.Ordinal)];

    private List<string> Matched(SqlQuery query) =>
        [.. Rows(query).Select(r => string.Join('|', r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))).Order(StringComparer.Ordinal)];

    private List<object?[]> Rows(SqlQuery query)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = query.Sql;
        foreach (var parameter in query.Parameters)
        {
            command.Parameters.Add(new DuckDBParameter(parameter.Value ?? DBNull.Value));
        }

        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private const string World = """
        CREATE TABLE profiles (profile_id VARCHAR, email VARCHAR, plan VARCHAR, role VARCHAR, credit_limit DECIMAL(18, 2), lifetime_value DECIMAL(18, 2), traits JSON,
          birthday DATE, preferred_contact_time TIME);
        INSERT INTO profiles VALUES
          ('u1', 'a@example.com', 'pro', 'customer', 1000, 500, '{"address": {"city": "Paris"}, "loyalty": {"points": 150}, "last_seen_at": "2026-10-20T10:00:00Z"}', '1990-05-01', '09:30:00'),
          ('u2', 'b@example.com', 'free', 'customer', 1000, 500, '{"address": {"city": "paris"}, "loyalty": {"points": "200"}, "last_seen_at": "2026-09-20T10:00:00Z"}', '1985-01-01', '18:00:00'),
          ('u3', NULL, 'platinum', 'customer', NULL, NULL, NULL, NULL, NULL),
          ('u4', 'd@example.com', 'pro', 'customer', 10, 10, '{"address": {"city": "Lyon"}, "loyalty": {"points": 50}}', NULL, NULL),
          ('u5', NULL, 'free', 'customer', NULL, NULL, '{"address": null}', NULL, NULL),
          ('u6', NULL, 'free', 'broker', NULL, NULL, '{}', NULL, NULL);
        CREATE TABLE accounts (account_id BIGINT, profile_id VARCHAR, status VARCHAR, credit_limit DECIMAL(18, 2));
        INSERT INTO accounts VALUES (101, 'u1', 'active', 500), (102, 'u1', 'closed', 100), (103, 'u2', 'active', 2000),
          (104, 'u3', 'closed', 100), (105, 'u4', 'active', 100), (106, 'u4', 'active', 100);
        CREATE TABLE credit_cards (card_id BIGINT, account_id BIGINT, balance_status VARCHAR, card_limit DECIMAL(18, 2));
        INSERT INTO credit_cards VALUES (201, 101, 'Outstanding', 600), (202, 101, 'Outstanding', 400.10), (203, 103, 'Outstanding', 1000),
          (204, 102, 'Paid', 50), (205, 105, 'Paid', 200);
        CREATE TABLE orders (order_id BIGINT, account_id BIGINT, status VARCHAR);
        INSERT INTO orders VALUES (301, 101, 'active'), (302, 105, 'completed'), (303, 106, 'active');
        CREATE TABLE households (household_id BIGINT, city VARCHAR, size BIGINT);
        INSERT INTO households VALUES (401, 'Paris', 3), (402, 'Lyon', 2);
        CREATE TABLE household_members (household_id BIGINT, profile_id VARCHAR);
        INSERT INTO household_members VALUES (401, 'u1'), (401, 'u1'), (401, 'u2'), (402, 'u3');
        CREATE TABLE pets (pet_id BIGINT, household_id BIGINT, type VARCHAR, adopted_on DATE);
        INSERT INTO pets VALUES (501, 401, 'Cat', '2026-10-30'), (502, 402, 'cat', '2026-10-31'), (503, 402, 'Dog', '2026-09-01');
        CREATE TABLE sales (sale_id BIGINT, profile_id VARCHAR, amount DECIMAL(18, 2), sold_at TIMESTAMP);
        INSERT INTO sales VALUES (601, 'u6', 3000000, '2026-06-01 00:00:00'), (602, 'u6', 2500000, '2026-01-01 00:00:00'),
          (603, 'u6', 1000000, '2025-06-01 00:00:00'), (604, 'u3', 4000000, '2026-05-01 00:00:00'), (605, 'u3', 2000000, '2025-01-01 00:00:00');
        CREATE TABLE events (event_id BIGINT, profile_id VARCHAR, event VARCHAR, occurred_at TIMESTAMP, properties JSON, context JSON);
        INSERT INTO events VALUES
          (701, 'u1', 'Order Completed', '2026-10-20 12:00:00', '{"amount": 80}', '{"locale": "fr-FR"}'),
          (702, 'u2', 'Order Completed', '2026-08-01 00:00:00', '{"amount": 120}', '{"locale": "fr-FR"}'),
          (703, 'u3', 'Order Completed', '2026-10-25 00:00:00', '{"amount": "90"}', '{"locale": "fr-FR"}'),
          (704, 'u4', 'Order Completed', '2026-10-25 00:00:00', '{"amount": 40}', '{"locale": "fr-FR"}'),
          (705, 'u4', 'Product Viewed', '2026-10-25 00:00:00', '{"amount": 100}', '{"locale": "fr-FR"}'),
          (706, 'u6', 'Order Completed', '2026-10-21 00:00:00', '{"amount": 100}', '{"locale": "en-US"}'),
          (707, 'u5', 'Order Completed', '2026-10-21 00:00:00', '{"amount": 100}', NULL);
        CREATE SCHEMA linked_audiences;
        CREATE TABLE linked_audiences.audience_membership (audience_key VARCHAR, member_key VARCHAR);
        INSERT INTO linked_audiences.audience_membership VALUES ('stored', 'u3'), ('other', 'u1');
        """;

    private static readonly DataGraph Graph = LinkedAudiencesJson.ParseGraph("""
        {
          "profile": { "table": "profiles", "idColumn": "profile_id", "traitsColumn": "traits", "traits": [
            { "name": "email", "type": "STRING", "column": "email" }, { "name": "plan", "type": "STRING", "column": "plan" }, { "name": "role", "type": "STRING", "column": "role" },
            { "name": "credit_limit", "type": "NUMBER", "column": "credit_limit" }, { "name": "lifetime_value", "type": "NUMBER", "column": "lifetime_value" },
            { "name": "city", "type": "STRING", "path": "address.city" }, { "name": "loyalty_points", "type": "NUMBER", "path": "loyalty.points" },
            { "name": "last_seen_at", "type": "TIMESTAMP", "path": "last_seen_at" },
            { "name": "birthday", "type": "DATE", "column": "birthday" }, { "name": "preferred_contact_time", "type": "TIME", "column": "preferred_contact_time" } ] },
          "events": { "table": "events", "profileIdColumn": "profile_id", "nameColumn": "event", "timestampColumn": "occurred_at",
            "propertiesColumn": "properties", "contextColumn": "context",
            "properties": [ { "name": "amount", "type": "NUMBER" } ], "context": [ { "name": "locale", "type": "STRING" } ] },
          "entities": [
            { "name": "account", "table": "accounts", "primaryKey": "account_id", "columns": [
              { "name": "account_id", "type": "NUMBER" }, { "name": "status", "type": "STRING" }, { "name": "credit_limit", "type": "NUMBER" } ] },
            { "name": "credit_card", "table": "credit_cards", "primaryKey": "card_id", "columns": [
              { "name": "card_id", "type": "NUMBER" }, { "name": "balance_status", "type": "STRING" }, { "name": "card_limit", "type": "NUMBER" } ] },
            { "name": "order", "table": "orders", "primaryKey": "order_id", "columns": [ { "name": "status", "type": "STRING" } ] },
            { "name": "household", "table": "households", "primaryKey": "household_id", "columns": [
              { "name": "city", "type": "STRING" }, { "name": "size", "type": "NUMBER" } ] },
            { "name": "pet", "table": "pets", "primaryKey": "pet_id", "columns": [ { "name": "type", "type": "STRING" }, { "name": "adopted_on", "type": "DATE" } ] },
            { "name": "sale", "table": "sales", "primaryKey": "sale_id", "columns": [
              { "name": "amount", "type": "NUMBER" }, { "name": "sold_at", "type": "TIMESTAMP" } ] }
          ],
          "relationships": [
            { "name": "profile_accounts", "from": "profile", "to": "account", "join": { "fromColumn": "profile_id", "toColumn": "profile_id" } },
            { "name": "account_credit_cards", "from": "account", "to": "credit_card", "join": { "fromColumn": "account_id", "toColumn": "account_id" } },
            { "name": "account_orders", "from": "account", "to": "order", "join": { "fromColumn": "account_id", "toColumn": "account_id" } },
            { "name": "profile_households", "from": "profile", "to": "household",
              "junction": { "table": "household_members", "fromColumn": "profile_id", "toColumn": "household_id" } },
            { "name": "household_pets", "from": "household", "to": "pet", "join": { "fromColumn": "household_id", "toColumn": "household_id" } },
            { "name": "profile_sales", "from": "profile", "to": "sale", "join": { "fromColumn": "profile_id", "toColumn": "profile_id" } }
          ]
        }
        """);
}
