namespace LinkedAudiences.Core.Tests.Oracle;

/// <summary>One test per rule of SEMANTICS.md, with exact expected members over hand-built rows.</summary>
public sealed class ReferenceEvaluatorSemanticsTests
{
    private static readonly DateTime s_now = TestWorld.Now;

    [Fact]
    public void Members_AsOf_WindowsCountBackFromTheGivenTime()
    {
        var world = new TestWorld()
            .Profile("p1").Event("p1", "Signed In", s_now.AddDays(-7))
            .Profile("p2").Event("p2", "Signed In", new DateTime(2026, 9, 1, 12, 0, 0));
        var audience = Audiences.AllOf("""{ "kind": "event", "event": "Signed In", "window": { "withinLastDays": 30 } }""");

        Assert.Equal(["p1"], world.Members(audience).Order());
        // At an earlier as-of, p1's sign-in lies in the future (ts ≤ as-of fails) and p2's is within 30 days.
        Assert.Equal(["p2"], world.Members(audience, asOf: new DateTimeOffset(2026, 9, 15, 0, 0, 0, TimeSpan.Zero)).Order());
    }

    [Fact]
    public void Members_WindowOnTimestamp_IncludesTheCutoffAndTheAsOf()
    {
        var world = new TestWorld()
            .Profile("cutoff").Account(1, "cutoff", openedAt: s_now.AddDays(-30))
            .Profile("before-cutoff").Account(2, "before-cutoff", openedAt: s_now.AddDays(-30).AddSeconds(-1))
            .Profile("at-as-of").Account(3, "at-as-of", openedAt: s_now)
            .Profile("after-as-of").Account(4, "after-as-of", openedAt: s_now.AddSeconds(1))
            .Profile("no-date").Account(5, "no-date", openedAt: null);

        var members = world.Members(Audiences.AllOf(
            """{ "kind": "entity", "entity": "account", "window": { "column": "opened_at", "withinLastDays": 30 } }"""));

        Assert.Equal(["at-as-of", "cutoff"], members.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Members_WindowOnDate_IncludesTheCutoffDayAndToday()
    {
        var world = new TestWorld()
            .Profile("cutoff-day").Household(1, createdOn: new DateOnly(2026, 10, 2)).HouseholdMember(1, "cutoff-day")
            .Profile("day-before").Household(2, createdOn: new DateOnly(2026, 10, 1)).HouseholdMember(2, "day-before")
            .Profile("today").Household(3, createdOn: new DateOnly(2026, 11, 1)).HouseholdMember(3, "today")
            .Profile("tomorrow").Household(4, createdOn: new DateOnly(2026, 11, 2)).HouseholdMember(4, "tomorrow");

        var members = world.Members(Audiences.AllOf(
            """{ "kind": "entity", "entity": "household", "window": { "column": "created_on", "withinLastDays": 30 } }"""));

        Assert.Equal(["cutoff-day", "today"], members.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Members_EventBetweenDates_IncludesBothWholeDays()
    {
        var world = new TestWorld()
            .Profile("first-moment").Event("first-moment", "Signed In", new DateTime(2026, 10, 1, 0, 0, 0))
            .Profile("last-moment").Event("last-moment", "Signed In", new DateTime(2026, 10, 10, 23, 59, 59))
            .Profile("day-before").Event("day-before", "Signed In", new DateTime(2026, 9, 30, 23, 59, 59))
            .Profile("day-after").Event("day-after", "Signed In", new DateTime(2026, 10, 11, 0, 0, 0));

        var members = world.Members(Audiences.AllOf(
            """{ "kind": "event", "event": "Signed In", "window": { "from": "2026-10-01", "to": "2026-10-10" } }"""));

        Assert.Equal(["first-moment", "last-moment"], members.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Members_Aggregation_IsPerParentRowOverFilteredRows()
    {
        var world = new TestWorld()
            // One card whose own transactions sum to 110.
            .Profile("one-big-card").Account(1, "one-big-card").Card(11, 1).Transaction(111, 11, 60m).Transaction(112, 11, 50m)
                .Card(12, 1).Transaction(121, 12, 10m)
            // 120 over the account, but 60 per card: the aggregate is per credit card, the parent of transactions.
            .Profile("two-small-cards").Account(2, "two-small-cards").Card(21, 2).Transaction(211, 21, 60m)
                .Card(22, 2).Transaction(221, 22, 60m)
            // 250 on the card, of which only 50 passes the category filter.
            .Profile("filtered-out").Account(3, "filtered-out").Card(31, 3).Transaction(311, 31, 200m, category: "groceries")
                .Transaction(312, 31, 50m, category: "travel");

        var sumOver100 = world.Members(Audiences.AllOf("""
            { "kind": "entity", "entity": "account", "conditions": [
              { "entity": "credit_card", "conditions": [
                { "entity": "transaction",
                  "aggregate": { "function": "sum", "column": "amount", "operator": "greaterThan", "value": 100 } } ] } ] }
            """));
        var travelSumOver40 = world.Members(Audiences.AllOf("""
            { "kind": "entity", "entity": "account", "conditions": [
              { "entity": "credit_card", "conditions": [
                { "entity": "transaction",
                  "where": { "filters": [ { "property": "category", "operator": "equals", "value": "travel" } ] },
                  "aggregate": { "function": "sum", "column": "amount", "operator": "greaterThan", "value": 40 } } ] } ] }
            """));

        // Unfiltered, the third card's 250 passes too; filtered on travel only its 50 counts.
        Assert.Equal(["filtered-out", "one-big-card"], sumOver100.Order(StringComparer.Ordinal));
        Assert.Equal(["filtered-out"], travelSumOver40.Order());
    }

    [Fact]
    public void Members_AggregationOverNoRows_SumFailsEveryComparisonCountIsZero()
    {
        var world = new TestWorld()
            .Profile("no-transactions").Account(1, "no-transactions").Card(11, 1)
            .Profile("null-amounts").Account(2, "null-amounts").Card(21, 2).Transaction(211, 21, null)
            .Profile("small").Account(3, "small").Card(31, 3).Transaction(311, 31, 5m);

        static string Card(string aggregate) => Audiences.AllOf($$"""
            { "kind": "entity", "entity": "account", "conditions": [
              { "entity": "credit_card", "conditions": [
                { "entity": "transaction", "aggregate": {{aggregate}} } ] } ] }
            """);

        Assert.Equal(["small"], world.Members(Card("""{ "function": "sum", "column": "amount", "operator": "lessThan", "value": 100 }""")).Order());
        Assert.Equal(["small"], world.Members(Card("""{ "function": "max", "column": "amount", "operator": "notEquals", "value": 1 }""")).Order());
        Assert.Equal(["no-transactions"], world.Members(Card("""{ "function": "count", "operator": "lessThan", "value": 1 }""")).Order());
    }

    [Fact]
    public void Members_SiblingConditions_AreAboutTheSameParentRow()
    {
        var world = new TestWorld()
            // An active order on one account and a credit card on another: no single account has both.
            .Profile("split").Account(1, "split").Order(1, 1, "active").Account(2, "split").Card(21, 2)
            .Profile("both").Account(3, "both").Order(3, 3, "active").Card(31, 3);
        string Siblings(string op) => Audiences.AllOf($$"""
            { "kind": "entity", "entity": "account", "conditionsOperator": "{{op}}", "conditions": [
              { "entity": "order", "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] } },
              { "entity": "credit_card" } ] }
            """);

        Assert.Equal(["both"], world.Members(Siblings("and")).Order());
        Assert.Equal(["both", "split"], world.Members(Siblings("or")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Members_MissingTrait_FailsEveryComparisonAndWithoutTraitTakesItIn()
    {
        var world = new TestWorld()
            .Profile("pro", plan: "pro", traits: """{ "loyalty": { "points": 10 }, "address": { "city": "Paris" } }""")
            .Profile("free", plan: "free", traits: """{ "loyalty": { "points": "many" }, "address": "Lyon" }""")
            .Profile("none", plan: null, traits: null);

        Assert.Equal(["free"], world.Members(Audiences.AllOf("""{ "kind": "trait", "trait": "plan", "operator": "notEquals", "value": "pro" }""")).Order());
        Assert.Equal(["free"], world.Members(Audiences.AllOf("""{ "kind": "trait", "trait": "plan", "operator": "notContains", "value": "o" }""")).Order());
        // "Without trait" negates "trait is present", and a negated comparison takes in the missing ones.
        Assert.Equal(["none"], world.Members(Audiences.AllOf("""{ "kind": "trait", "trait": "plan", "negate": true }""")).Order());
        Assert.Equal(["free", "none"], world.Members(Audiences.AllOf(
            """{ "kind": "trait", "trait": "plan", "operator": "equals", "value": "pro", "negate": true }""")).Order(StringComparer.Ordinal));
        // A JSON value of the wrong kind ("many" for a NUMBER) and a path through a non-object count as missing.
        Assert.Equal(["pro"], world.Members(Audiences.AllOf("""{ "kind": "trait", "trait": "loyalty_points", "operator": "notEquals", "value": 5 }""")).Order());
        Assert.Equal(["pro"], world.Members(Audiences.AllOf("""{ "kind": "trait", "trait": "loyalty_points" }""")).Order());
        Assert.Equal(["pro"], world.Members(Audiences.AllOf("""{ "kind": "trait", "trait": "city", "operator": "notEquals", "value": "Lyon" }""")).Order());
    }

    [Fact]
    public void Members_Negation_CoversTheWholeCondition()
    {
        var world = new TestWorld()
            .Profile("no-accounts")
            .Profile("one-active").Account(1, "one-active", "active").Account(2, "one-active", "closed")
            .Profile("two-active").Account(3, "two-active", "active").Account(4, "two-active", "active")
            .Profile("outstanding").Account(5, "outstanding").Card(51, 5, "Outstanding")
            .Profile("paid").Account(6, "paid").Card(61, 6, "Paid");

        var withoutTwoActive = world.Members(Audiences.AllOf("""
            { "kind": "entity", "entity": "account", "negate": true, "count": { "operator": "atLeast", "value": 2 },
              "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] } }
            """));
        var withoutOutstandingCard = world.Members(Audiences.AllOf("""
            { "kind": "entity", "entity": "account", "negate": true, "conditions": [
              { "entity": "credit_card",
                "where": { "filters": [ { "property": "balance_status", "operator": "equals", "value": "Outstanding" } ] } } ] }
            """));

        Assert.Equal(["no-accounts", "one-active", "outstanding", "paid"], withoutTwoActive.Order(StringComparer.Ordinal));
        Assert.Equal(["no-accounts", "one-active", "paid", "two-active"], withoutOutstandingCard.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Members_Counts_AtMostIncludesNoneAndCountOnlyFilteredRows()
    {
        var world = new TestWorld()
            .Profile("none")
            .Profile("one-active").Account(1, "one-active", "active")
            .Profile("two-active").Account(2, "two-active", "active").Account(3, "two-active", "active")
            .Profile("one-of-three").Account(4, "one-of-three", "active").Account(5, "one-of-three", "closed").Account(6, "one-of-three", "closed");
        string Active(string op, int value) => Audiences.AllOf($$"""
            { "kind": "entity", "entity": "account", "count": { "operator": "{{op}}", "value": {{value}} },
              "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] } }
            """);

        Assert.Equal(["none", "one-active", "one-of-three"], world.Members(Active("atMost", 1)).Order(StringComparer.Ordinal));
        Assert.Equal(["two-active"], world.Members(Active("exactly", 2)).Order());
        Assert.Equal(["two-active"], world.Members(Active("atLeast", 2)).Order());
        Assert.Equal(["none"], world.Members(Audiences.AllOf(
            """{ "kind": "entity", "entity": "account", "count": { "operator": "exactly", "value": 0 } }""")).Order());
    }

    [Fact]
    public void Members_DynamicReferences_ReadTheRowItsParentsAndTraits()
    {
        var world = new TestWorld()
            .Profile("above-account", lifetimeValue: 100m).Account(1, "above-account", creditLimit: 1000m)
                .Card(11, 1, balance: 50m, cardLimit: 1500m).Transaction(111, 11, 1200m)
            .Profile("below-account", lifetimeValue: 5000m).Account(2, "below-account", creditLimit: 1000m)
                .Card(21, 2, balance: 900m, cardLimit: 500m).Transaction(211, 21, 800m)
            .Profile("null-account-limit", lifetimeValue: null).Account(3, "null-account-limit", creditLimit: null)
                .Card(31, 3, balance: 10m, cardLimit: 5000m).Transaction(311, 31, 4000m);

        // A parent row's column (one level up).
        var cardOverAccountLimit = world.Members(Audiences.AllOf("""
            { "kind": "entity", "entity": "account", "conditions": [ { "entity": "credit_card",
              "where": { "filters": [ { "property": "card_limit", "operator": "greaterThan", "ref": { "entity": "account", "column": "credit_limit" } } ] } } ] }
            """));
        // The same row's column.
        var balanceOverCardLimit = world.Members(Audiences.AllOf("""
            { "kind": "entity", "entity": "account", "conditions": [ { "entity": "credit_card",
              "where": { "filters": [ { "property": "balance", "operator": "greaterThan", "ref": { "entity": "credit_card", "column": "card_limit" } } ] } } ] }
            """));
        // A grandparent's column and a profile trait, two levels down.
        var transactionOverAccountLimitAndValue = world.Members(Audiences.AllOf("""
            { "kind": "entity", "entity": "account", "conditions": [ { "entity": "credit_card", "conditions": [
              { "entity": "transaction", "where": { "operator": "and", "filters": [
                { "property": "amount", "operator": "greaterThan", "ref": { "entity": "account", "column": "credit_limit" } },
                { "property": "amount", "operator": "greaterThan", "ref": { "trait": "lifetime_value" } } ] } } ] } ] }
            """));
        // A trait compared with another trait.
        var traitOverTrait = world.Members(Audiences.AllOf(
            """{ "kind": "trait", "trait": "lifetime_value", "operator": "greaterThanOrEqual", "ref": { "trait": "lifetime_value" } }"""));

        Assert.Equal(["above-account"], cardOverAccountLimit.Order());
        Assert.Equal(["below-account"], balanceOverCardLimit.Order());
        Assert.Equal(["above-account"], transactionOverAccountLimitAndValue.Order());
        Assert.Equal(["above-account", "below-account"], traitOverTrait.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Members_PartOfImportedAudience_EvaluatesItAtTheSameAsOf()
    {
        var world = new TestWorld()
            .Profile("recent").Event("recent", "Signed In", s_now.AddDays(-3))
            .Profile("older").Event("older", "Signed In", s_now.AddDays(-20))
            .Profile("never");
        var imports = new Dictionary<string, Definitions.AudienceDefinition>
        {
            ["signed-in-this-week"] = Serialization.LinkedAudiencesJson.ParseAudience(
                Audiences.AllOf("""{ "kind": "event", "event": "Signed In", "window": { "withinLastDays": 7 } }""")),
        };
        var partOf = Audiences.AllOf("""{ "kind": "audience", "audience": "signed-in-this-week", "mode": "import" }""");
        var notPartOf = Audiences.AllOf("""{ "kind": "audience", "audience": "signed-in-this-week", "mode": "import", "negate": true }""");
        var twoWeeksEarlier = TestWorld.AsOf.AddDays(-14);

        Assert.Equal(["recent"], world.Members(partOf, imports: imports).Order());
        Assert.Equal(["never", "older"], world.Members(notPartOf, imports: imports).Order(StringComparer.Ordinal));
        // The imported audience moves with the as-of: two weeks earlier, "older" had signed in 6 days before.
        Assert.Equal(["older"], world.Members(partOf, twoWeeksEarlier, imports).Order());
    }

    [Fact]
    public void Members_PartOfStoredMembership_ReadsTheStoredSet()
    {
        var world = new TestWorld().Profile("a").Profile("b").Profile("c");
        var memberships = new Dictionary<string, IReadOnlySet<string>>
        {
            ["vip"] = new HashSet<string>(["b", "gone"], StringComparer.Ordinal),
        };

        Assert.Equal(["b"], world.Members(
            Audiences.AllOf("""{ "kind": "audience", "audience": "vip", "mode": "membership" }"""), memberships: memberships).Order());
        Assert.Equal(["a", "c"], world.Members(
            Audiences.AllOf("""{ "kind": "audience", "audience": "vip", "mode": "membership", "negate": true }"""), memberships: memberships)
            .Order(StringComparer.Ordinal));
        // An audience that has never stored a membership has no members.
        Assert.Empty(world.Members(Audiences.AllOf("""{ "kind": "audience", "audience": "never-run", "mode": "membership" }""")));
    }

    [Fact]
    public void Members_Strings_AreCaseSensitive()
    {
        var world = new TestWorld()
            .Profile("upper", plan: "pro").Household(1).HouseholdMember(1, "upper").Pet(1, 1, "Cat").Event("upper", "Signed In", s_now.AddDays(-1))
            .Profile("lower", plan: "Pro").Household(2).HouseholdMember(2, "lower").Pet(2, 2, "cat").Event("lower", "signed in", s_now.AddDays(-1));
        string Pet(string op, string value) => Audiences.AllOf($$"""
            { "kind": "entity", "entity": "household", "conditions": [ { "entity": "pet",
              "where": { "filters": [ { "property": "type", "operator": "{{op}}", "value": "{{value}}" } ] } } ] }
            """);

        Assert.Equal(["upper"], world.Members(Pet("equals", "Cat")).Order());
        Assert.Equal(["lower"], world.Members(Pet("startsWith", "c")).Order());
        Assert.Equal(["upper"], world.Members(Pet("notContains", "c")).Order());
        Assert.Equal(["lower"], world.Members(Audiences.AllOf("""{ "kind": "trait", "trait": "plan", "operator": "equals", "value": "Pro" }""")).Order());
        Assert.Equal(["upper"], world.Members(Audiences.AllOf("""{ "kind": "event", "event": "Signed In" }""")).Order());
    }
}
