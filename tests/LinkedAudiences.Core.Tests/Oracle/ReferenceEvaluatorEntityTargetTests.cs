namespace LinkedAudiences.Core.Tests.Oracle;

/// <summary>Entity targets (briefing rule 9): members are target rows reached through the group's target chain.</summary>
public sealed class ReferenceEvaluatorEntityTargetTests
{
    private static string Target(string entity, string groupOperator, params string[] groups) =>
        $$"""{ "target": { "type": "entity", "entity": "{{entity}}" }, "groupOperator": "{{groupOperator}}", "groups": [ {{string.Join(", ", groups)}} ] }""";

    private static string Group(params string[] conditions) => "{ \"operator\": \"and\", \"conditions\": [ " + string.Join(", ", conditions) + " ] }";

    private const string OutstandingCardsOfActiveAccounts = """
        { "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] },
          "conditions": [ { "entity": "credit_card",
            "where": { "filters": [ { "property": "balance_status", "operator": "equals", "value": "Outstanding" } ] } } ] }
        """;

    private static TestWorld World() => new TestWorld()
        .Profile("p1", plan: "pro").Account(1, "p1", "active").Card(11, 1, "Outstanding").Card(12, 1, "Paid")
        .Profile("p2", plan: "pro").Account(2, "p2", "closed").Card(21, 2, "Outstanding")
        .Profile("p3", plan: "free").Account(3, "p3", "active").Card(31, 3, "Outstanding").Transaction(311, 31, 500m)
        .Profile("p4", plan: "free").Account(4, "p4", "active").Card(41, 4, "Paid").Transaction(411, 41, 700m);

    [Fact]
    public void Members_EntityTarget_ReturnsKeysOfTargetRowsReachedThroughTheChain()
    {
        var members = World().Members(Target("credit_card", "and", Group(OutstandingCardsOfActiveAccounts)));

        // Card 21 is Outstanding but hangs under a closed account; card 12 is under an active account but Paid.
        Assert.Equal(["11", "31"], members.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Members_EntityTargetWithProfileConditions_AndsThemInsideTheGroup()
    {
        var members = World().Members(Target("credit_card", "and", Group(
            OutstandingCardsOfActiveAccounts,
            """{ "kind": "trait", "trait": "plan", "operator": "equals", "value": "pro" }""")));

        Assert.Equal(["11"], members.Order());
    }

    [Fact]
    public void Members_EntityTargetGroups_CombineAsUnionOrIntersection()
    {
        const string BigTransactionCards = """
            { "kind": "entity", "entity": "account", "conditions": [ { "entity": "credit_card", "conditions": [
              { "entity": "transaction", "where": { "filters": [ { "property": "amount", "operator": "greaterThan", "value": 400 } ] } } ] } ] }
            """;

        var union = World().Members(Target("credit_card", "or", Group(OutstandingCardsOfActiveAccounts), Group(BigTransactionCards)));
        var intersection = World().Members(Target("credit_card", "and", Group(OutstandingCardsOfActiveAccounts), Group(BigTransactionCards)));

        Assert.Equal(["11", "31", "41"], union.Order(StringComparer.Ordinal));
        Assert.Equal(["31"], intersection.Order());
    }

    [Fact]
    public void Members_EntityTargetChain_SkipsNegatedConditionsAndTakesTheFirstPositiveOne()
    {
        // The negated account condition comes first but cannot carry the chain; the positive one after it does.
        var members = World().Members(Target("account", "and", Group(
            """{ "kind": "entity", "entity": "account", "negate": true, "where": { "filters": [ { "property": "status", "operator": "equals", "value": "suspended" } ] } }""",
            """{ "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] } }""")));

        Assert.Equal(["1", "3", "4"], members.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Members_EntityTargetThroughJunction_ReturnsASharedRowOnce()
    {
        var world = new TestWorld()
            .Profile("a").Profile("b").Profile("c")
            .Household(7, city: "Lyon").HouseholdMember(7, "a").HouseholdMember(7, "b").HouseholdMember(7, "a")
            .Household(8, city: "Nice").HouseholdMember(8, "c");

        var members = world.Members(Target("household", "and", Group(
            """{ "kind": "entity", "entity": "household", "where": { "filters": [ { "property": "city", "operator": "equals", "value": "Lyon" } ] } }""")));

        Assert.Equal(["7"], members.Order());
    }

    [Fact]
    public void Members_EntityTargetWithPartOfAudience_IsRefused()
    {
        var definition = Target("account", "and", Group(
            """{ "kind": "entity", "entity": "account" }""",
            """{ "kind": "audience", "audience": "vip", "mode": "membership" }"""));

        Assert.Throws<InvalidOperationException>(() => World().Members(definition));
    }
}
