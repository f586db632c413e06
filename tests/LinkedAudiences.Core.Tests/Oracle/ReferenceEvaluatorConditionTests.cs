namespace LinkedAudiences.Core.Tests.Oracle;

/// <summary>Conditions beyond the SEMANTICS rules: event filters, junction counting, group operators, invalid definitions.</summary>
public sealed class ReferenceEvaluatorConditionTests
{
    private static readonly DateTime s_now = TestWorld.Now;

    [Fact]
    public void Members_EventPropertyAndContextFilters_ReadTheJsonColumns()
    {
        var world = new TestWorld()
            .Profile("match").Event("match", "Order Completed", s_now.AddDays(-1), """{ "amount": 80, "currency": "EUR" }""", """{ "locale": "fr-FR" }""")
            .Profile("cheap").Event("cheap", "Order Completed", s_now.AddDays(-1), """{ "amount": 20 }""", """{ "locale": "fr-FR" }""")
            .Profile("text-amount").Event("text-amount", "Order Completed", s_now.AddDays(-1), """{ "amount": "80" }""", """{ "locale": "fr-FR" }""")
            .Profile("no-context").Event("no-context", "Order Completed", s_now.AddDays(-1), """{ "amount": 90 }""")
            .Profile("other-event").Event("other-event", "Product Viewed", s_now.AddDays(-1), """{ "amount": 90 }""", """{ "locale": "fr-FR" }""");

        var members = world.Members(Audiences.AllOf("""
            { "kind": "event", "event": "Order Completed", "where": { "operator": "and", "filters": [
              { "property": "amount", "operator": "greaterThan", "value": 50 },
              { "property": "context.locale", "operator": "startsWith", "value": "fr" } ] } }
            """));

        Assert.Equal(["match"], members.Order());
    }

    [Fact]
    public void Members_EventCountWithWindow_CountsOnlyEventsInTheWindow()
    {
        var world = new TestWorld()
            .Profile("two-recent").Event("two-recent", "Signed In", s_now.AddDays(-1)).Event("two-recent", "Signed In", s_now.AddDays(-2))
                .Event("two-recent", "Signed In", s_now.AddDays(-40))
            .Profile("one-recent").Event("one-recent", "Signed In", s_now.AddDays(-1)).Event("one-recent", "Signed In", s_now.AddDays(-50))
            .Profile("never");

        var exactlyTwo = world.Members(Audiences.AllOf(
            """{ "kind": "event", "event": "Signed In", "window": { "withinLastDays": 30 }, "count": { "operator": "exactly", "value": 2 } }"""));
        var withoutRecent = world.Members(Audiences.AllOf(
            """{ "kind": "event", "event": "Signed In", "negate": true, "window": { "withinLastDays": 30 } }"""));

        Assert.Equal(["two-recent"], exactlyTwo.Order());
        Assert.Equal(["never"], withoutRecent.Order());
    }

    [Fact]
    public void Members_EventFilterReferencingATrait_ComparesWithTheProfilesValue()
    {
        var world = new TestWorld()
            .Profile("above", lifetimeValue: 50m).Event("above", "Order Completed", s_now.AddDays(-1), """{ "amount": 80 }""")
            .Profile("below", lifetimeValue: 100m).Event("below", "Order Completed", s_now.AddDays(-1), """{ "amount": 80 }""")
            .Profile("no-value").Event("no-value", "Order Completed", s_now.AddDays(-1), """{ "amount": 80 }""");

        var members = world.Members(Audiences.AllOf("""
            { "kind": "event", "event": "Order Completed", "where": { "filters": [
              { "property": "amount", "operator": "greaterThan", "ref": { "trait": "lifetime_value" } } ] } }
            """));

        Assert.Equal(["above"], members.Order());
    }

    [Fact]
    public void Members_JunctionRepeatingALink_CountsTheEntityOnce()
    {
        var world = new TestWorld()
            .Profile("twice-linked").Household(1).HouseholdMember(1, "twice-linked").HouseholdMember(1, "twice-linked")
                .Pet(10, 1, "Dog").Pet(11, 1, "Cat")
            .Profile("two-households").Household(2).HouseholdMember(2, "two-households").Household(3).HouseholdMember(3, "two-households");

        var oneHousehold = world.Members(Audiences.AllOf(
            """{ "kind": "entity", "entity": "household", "count": { "operator": "exactly", "value": 1 } }"""));
        var twoPets = world.Members(Audiences.AllOf("""
            { "kind": "entity", "entity": "household", "conditions": [ { "entity": "pet", "count": { "operator": "exactly", "value": 2 } } ] }
            """));

        Assert.Equal(["twice-linked"], oneHousehold.Order());
        Assert.Equal(["twice-linked"], twoPets.Order());
    }

    [Fact]
    public void Members_GroupOperators_CombineConditionsAndGroups()
    {
        var world = new TestWorld()
            .Profile("pro-vip", plan: "pro", isVip: true)
            .Profile("pro", plan: "pro", isVip: false)
            .Profile("vip", plan: "free", isVip: true)
            .Profile("neither", plan: "free", isVip: false);
        const string Pro = """{ "kind": "trait", "trait": "plan", "operator": "equals", "value": "pro" }""";
        const string Vip = """{ "kind": "trait", "trait": "is_vip", "operator": "equals", "value": true }""";

        var or = world.Members($$"""{ "groupOperator": "or", "groups": [ { "conditions": [ {{Pro}} ] }, { "conditions": [ {{Vip}} ] } ] }""");
        var and = world.Members($$"""{ "groupOperator": "and", "groups": [ { "conditions": [ {{Pro}} ] }, { "conditions": [ {{Vip}} ] } ] }""");
        var anyInGroup = world.Members(Audiences.AnyOf(Pro, Vip));

        Assert.Equal(["pro", "pro-vip", "vip"], or.Order(StringComparer.Ordinal));
        Assert.Equal(["pro-vip"], and.Order());
        Assert.Equal(["pro", "pro-vip", "vip"], anyInGroup.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Members_NestedJsonTraitsOfEveryType_ReadByTheirDeclaredType()
    {
        var world = new TestWorld()
            .Profile("seen", traits: """{ "last_seen_at": "2026-10-30T08:00:00Z", "loyalty": { "tier": "Gold", "points": 1200.5 } }""")
            .Profile("stale", traits: """{ "last_seen_at": "2025-01-01T00:00:00Z", "loyalty": { "tier": "Silver", "points": 10 } }""")
            .Profile("garbled", traits: """{ "last_seen_at": "yesterday", "loyalty": null }""");

        Assert.Equal(["seen"], world.Members(Audiences.AllOf(
            """{ "kind": "trait", "trait": "last_seen_at", "operator": "greaterThan", "value": "2026-10-01T00:00:00Z" }""")).Order());
        Assert.Equal(["seen"], world.Members(Audiences.AllOf(
            """{ "kind": "trait", "trait": "loyalty_points", "operator": "greaterThanOrEqual", "value": 1200.5 }""")).Order());
        Assert.Equal(["seen", "stale"], world.Members(Audiences.AllOf(
            """{ "kind": "trait", "trait": "last_seen_at" }""")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{ "kind": "trait", "trait": "plan", "operator": "lessThan", "value": "pro" }""")]
    [InlineData("""{ "kind": "trait", "trait": "is_vip", "operator": "equals", "ref": { "trait": "is_vip" } }""")]
    [InlineData("""{ "kind": "trait", "trait": "plan", "operator": "equals", "ref": { "trait": "lifetime_value" } }""")]
    [InlineData("""{ "kind": "trait", "trait": "no_such_trait" }""")]
    [InlineData("""{ "kind": "entity", "entity": "pet" }""")]
    [InlineData("""{ "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "status", "operator": "equals", "ref": { "entity": "credit_card", "column": "network" } } ] } }""")]
    [InlineData("""{ "kind": "audience", "audience": "not-imported", "mode": "import" }""")]
    [InlineData("""{ "kind": "trait", "trait": "plan", "operator": "equals", "value": "pro", "ref": { "trait": "email" } }""")]
    [InlineData("""{ "kind": "trait", "trait": "plan", "value": "pro" }""")]
    [InlineData("""{ "kind": "entity", "entity": "account", "window": { "column": "status", "withinLastDays": 3 } }""")]
    [InlineData("""{ "kind": "entity", "entity": "account", "aggregate": { "function": "sum", "column": "status", "operator": "greaterThan", "value": 1 } }""")]
    public void Members_InvalidDefinition_Throws(string condition)
    {
        var world = new TestWorld().Profile("p1", plan: "pro", isVip: true).Account(1, "p1");

        Assert.Throws<InvalidOperationException>(() => world.Members(Audiences.AllOf(condition)));
    }
}
