using LinkedAudiences.Testing.Oracle;

namespace LinkedAudiences.Core.Tests.Oracle;

/// <summary>Matched entities (briefing rule 11): which rows qualified each member, branch by branch.</summary>
public sealed class ReferenceEvaluatorMatchedEntitiesTests
{
    [Fact]
    public void MatchedEntities_ProfileTarget_ListsQualifyingRowsPerBranchAndNothingUnderNegations()
    {
        var world = new TestWorld()
            .Profile("p1", plan: "pro")
                .Account(1, "p1", "active").Card(11, 1, "Outstanding").Transaction(111, 11, 5m).Transaction(112, 11, 7m)
                    .Card(12, 1, "Paid").Transaction(121, 12, 9m)
                .Account(2, "p1", "closed").Card(21, 2, "Outstanding")
            .Profile("p2", plan: "free").Account(3, "p2", "active").Card(31, 3, "Outstanding");

        var matches = world.Matches(Audiences.AllOf(
            """{ "kind": "trait", "trait": "plan", "operator": "equals", "value": "pro" }""",
            """
            { "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] },
              "conditions": [
                { "entity": "credit_card", "where": { "filters": [ { "property": "balance_status", "operator": "equals", "value": "Outstanding" } ] },
                  "conditions": [ { "entity": "transaction" } ] },
                { "entity": "order", "negate": true } ] }
            """,
            """{ "kind": "entity", "entity": "wishlist_item", "negate": true }"""));

        MatchedEntity[] expected =
        [
            new("p1", "0.1", 1, "account", "1", "p1"),
            new("p1", "0.1.0", 2, "credit_card", "11", "1"),
            new("p1", "0.1.0.0", 3, "transaction", "111", "11"),
            new("p1", "0.1.0.0", 3, "transaction", "112", "11"),
        ];
        Assert.Equal(expected, matches);
    }

    [Fact]
    public void MatchedEntities_ConditionThatFailedInAnOrGroup_StillListsItsQualifyingRows()
    {
        var world = new TestWorld().Profile("p1", plan: "pro").Account(1, "p1");

        // p1 is a member through its plan; the account condition (two accounts needed) failed, but its qualifying row is listed.
        var matches = world.Matches(Audiences.AnyOf(
            """{ "kind": "entity", "entity": "account", "count": { "operator": "atLeast", "value": 2 } }""",
            """{ "kind": "trait", "trait": "plan", "operator": "equals", "value": "pro" }"""));

        Assert.Equal([new MatchedEntity("p1", "0.0", 1, "account", "1", "p1")], matches);
    }

    [Fact]
    public void MatchedEntities_JunctionRepeatingALink_ListsTheRowOnce()
    {
        var world = new TestWorld()
            .Profile("p1").Household(7).HouseholdMember(7, "p1").HouseholdMember(7, "p1").Pet(70, 7, "Dog").Pet(71, 7, "Cat");

        var matches = world.Matches(Audiences.AllOf("""{ "kind": "entity", "entity": "household", "conditions": [ { "entity": "pet" } ] }"""));

        MatchedEntity[] expected =
        [
            new("p1", "0.0", 1, "household", "7", "p1"),
            new("p1", "0.0.0", 2, "pet", "70", "7"),
            new("p1", "0.0.0", 2, "pet", "71", "7"),
        ];
        Assert.Equal(expected, matches);
    }

    [Fact]
    public void MatchedEntities_EntityTarget_ListsNestedBranchesUnderTheTargetRow()
    {
        var world = new TestWorld()
            .Profile("p1").Account(1, "p1").Card(11, 1).Transaction(111, 11, 500m).Transaction(112, 11, 5m)
                .Card(12, 1).Transaction(121, 12, 300m);

        var matches = world.Evaluator().MatchedEntities(
            Serialization.LinkedAudiencesJson.ParseAudience("""
                { "target": { "type": "entity", "entity": "credit_card" },
                  "groups": [ { "conditions": [
                    { "kind": "entity", "entity": "account", "conditions": [
                      { "entity": "credit_card", "conditions": [
                        { "entity": "transaction", "where": { "filters": [ { "property": "amount", "operator": "greaterThan", "value": 100 } ] } },
                        { "entity": "transaction", "negate": true, "where": { "filters": [ { "property": "amount", "operator": "lessThan", "value": 0 } ] } } ] } ] } ] } ] }
                """),
            TestWorld.AsOf,
            new Dictionary<string, Definitions.AudienceDefinition>(),
            new Dictionary<string, IReadOnlySet<string>>());

        // The target (credit_card) is at level 2 under the profile; its nested branch 0.0.0.0 is at depth 3.
        MatchedEntity[] expected =
        [
            new("11", "0.0.0.0", 3, "transaction", "111", "11"),
            new("12", "0.0.0.0", 3, "transaction", "121", "12"),
        ];
        Assert.Equal(expected, matches);
    }
}
