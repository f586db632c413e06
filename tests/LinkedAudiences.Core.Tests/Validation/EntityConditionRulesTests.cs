using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Tests.Validation;

public sealed class EntityConditionRulesTests
{
    private const string C0 = "$.groups[0].conditions[0]";

    [Fact]
    public async Task Validate_NestedBranchOfDemoGraph_IsValid()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] },
              "conditions": [
                { "entity": "credit_card", "window": { "column": "issued_at", "withinLastDays": 365 },
                  "where": { "filters": [ { "property": "balance", "operator": "greaterThan", "ref": { "entity": "account", "column": "credit_limit" } } ] },
                  "conditions": [ { "entity": "transaction", "aggregate": { "function": "sum", "column": "amount", "operator": "greaterThan", "value": 1000 } } ] },
                { "entity": "order", "relationship": "account_orders", "count": { "operator": "atLeast", "value": 2 } } ] },
            { "kind": "entity", "entity": "household", "conditions": [ { "entity": "pet", "where": { "filters": [ { "property": "type", "operator": "equals", "value": "Cat" } ] } } ] }
            """);

        ValidationAssert.Valid(result);
    }

    [Fact]
    public async Task Validate_UnknownEntity_ReportsEntityPath()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "entity", "entity": "boat" }""");

        ValidationAssert.Single(result, C0 + ".entity", "unknown-entity", "Entity 'boat' does not exist in the data graph.");
    }

    [Fact]
    public async Task Validate_UnknownRelationship_ReportsRelationshipPath()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "entity", "entity": "account", "relationship": "profile_boats" }""");

        ValidationAssert.Single(result, C0 + ".relationship", "unknown-relationship", "Relationship 'profile_boats' does not exist in the data graph.");
    }

    [Fact]
    public async Task Validate_RelationshipNotStartingAtParent_ReportsUnknownRelationship()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "entity", "entity": "order", "relationship": "account_orders" }""");

        // The relationship exists but leaves from account, and this condition sits on the profile.
        ValidationAssert.Single(result, C0 + ".relationship", "unknown-relationship",
            "Relationship 'account_orders' starts at 'account', not at 'profile' where this condition is.");
    }

    [Fact]
    public async Task Validate_RelationshipLeadingElsewhere_ReportsUnknownRelationship()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "entity", "entity": "sale", "relationship": "profile_accounts" }""");

        ValidationAssert.Single(result, C0 + ".relationship", "unknown-relationship", "Relationship 'profile_accounts' leads to 'account', not to 'sale'.");
    }

    [Fact]
    public async Task Validate_NoRelationshipFromParent_ReportsEntityPath()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "entity", "entity": "transaction" }""");

        ValidationAssert.Single(result, C0 + ".entity", "no-relationship", "No relationship of the data graph links 'profile' to 'transaction'.");
    }

    [Fact]
    public async Task Validate_NestedWithoutRelationship_ReportsNestedPath()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "entity", "entity": "account", "conditions": [ { "entity": "pet" } ] }""");

        ValidationAssert.Single(result, C0 + ".conditions[0].entity", "no-relationship", "No relationship of the data graph links 'account' to 'pet'.");
    }

    [Fact]
    public async Task Validate_SeveralRelationshipsAndNoName_ReportsAmbiguousRelationship()
    {
        var graph = DemoGraph.Graph with
        {
            Relationships =
            [
                .. DemoGraph.Graph.Relationships,
                new Relationship { Name = "profile_shared_accounts", From = "profile", To = "account", Join = new() { FromColumn = "email", ToColumn = "region" } },
            ],
        };

        var result = await Audiences.ValidateConditionAsync("""{ "kind": "entity", "entity": "account" }""", graph: graph);

        ValidationAssert.Single(result, C0 + ".relationship", "ambiguous-relationship",
            "Several relationships link 'profile' to 'account' (profile_accounts, profile_shared_accounts); name one in 'relationship'.");
    }

    [Fact]
    public async Task Validate_SeveralRelationshipsAndOneNamed_IsValid()
    {
        var graph = DemoGraph.Graph with
        {
            Relationships =
            [
                .. DemoGraph.Graph.Relationships,
                new Relationship { Name = "profile_shared_accounts", From = "profile", To = "account", Join = new() { FromColumn = "email", ToColumn = "region" } },
            ],
        };

        var result = await Audiences.ValidateConditionAsync("""{ "kind": "entity", "entity": "account", "relationship": "profile_shared_accounts" }""", graph: graph);

        ValidationAssert.Valid(result);
    }

    [Fact]
    public async Task Validate_UnknownColumnInWhere_ReportsPropertyPath()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "colour", "operator": "equals", "value": "red" } ] } }
            """);

        ValidationAssert.Single(result, C0 + ".where.filters[0].property", "unknown-column", "Column 'colour' does not exist in entity 'account'.");
    }

    [Fact]
    public async Task Validate_SevenLevelsCountingProfile_ReportsDepthExceededOnce()
    {
        // A chain deeper than the demo graph: profile → n1 → n2 → ... → n7.
        var entities = Enumerable.Range(1, 7).Select(i => new EntityDefinition
        {
            Name = $"n{i}",
            Table = $"t{i}",
            PrimaryKey = "id",
            Columns = [new ColumnDefinition { Name = "id", Type = DataType.Number }, new ColumnDefinition { Name = "parent_id", Type = DataType.Number }],
        }).ToList();
        var relationships = Enumerable.Range(1, 7).Select(i => new Relationship
        {
            Name = $"to_n{i}",
            From = i == 1 ? DataGraph.ProfileNode : $"n{i - 1}",
            To = $"n{i}",
            Join = new() { FromColumn = "id", ToColumn = "parent_id" },
        }).ToList();
        var graph = DemoGraph.Graph with { Entities = entities, Relationships = relationships };

        static string Chain(int from, int to) =>
            from > to ? string.Empty : $$"""{ "entity": "n{{from}}", "conditions": [ {{Chain(from + 1, to)}} ] }""";

        var atSix = await Audiences.ValidateConditionAsync("""{ "kind": "entity", """ + Chain(1, 5)[1..], graph: graph);
        var atSeven = await Audiences.ValidateConditionAsync("""{ "kind": "entity", """ + Chain(1, 7)[1..], graph: graph);

        ValidationAssert.Valid(atSix);
        ValidationAssert.Single(atSeven, C0 + ".conditions[0].conditions[0].conditions[0].conditions[0].conditions[0]", "depth-exceeded",
            "Entity conditions can be nested at most 6 levels deep counting the profile; 'n6' is at level 7.");
    }

    [Fact]
    public async Task Validate_WindowOnStringColumn_ReportsInvalidWindow()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "entity", "entity": "account", "window": { "column": "plan", "withinLastDays": 30 } }""");

        ValidationAssert.Single(result, C0 + ".window.column", "invalid-window", "A window needs a DATE or TIMESTAMP column; 'account.plan' is STRING.");
    }

    [Fact]
    public async Task Validate_WindowOnDateColumn_IsValid()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "entity", "entity": "household", "window": { "column": "created_on", "withinLastDays": 0 } }
            """);

        ValidationAssert.Valid(result);
    }

    [Fact]
    public async Task Validate_NegativeWindow_ReportsInvalidWindow()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "entity", "entity": "account", "window": { "column": "opened_at", "withinLastDays": -3 } }""");

        ValidationAssert.Single(result, C0 + ".window.withinLastDays", "invalid-window", "A window counts 0 or more days back from the evaluation time; found -3.");
    }

    [Fact]
    public async Task Validate_WindowOnUnknownColumn_ReportsUnknownColumn()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "entity", "entity": "account", "window": { "column": "closed_at", "withinLastDays": 3 } }""");

        ValidationAssert.Single(result, C0 + ".window.column", "unknown-column", "Column 'closed_at' does not exist in entity 'account'.");
    }

    [Fact]
    public async Task Validate_SumOfStringColumn_ReportsInvalidAggregate()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "entity", "entity": "household", "conditions": [ { "entity": "pet", "aggregate": { "function": "sum", "column": "name", "operator": "greaterThan", "value": 3 } } ] }
            """);

        ValidationAssert.Single(result, C0 + ".conditions[0].aggregate.column", "invalid-aggregate", "The sum aggregate needs a NUMBER column; 'pet.name' is STRING.");
    }

    [Fact]
    public async Task Validate_AvgWithoutColumn_ReportsInvalidAggregate()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "entity", "entity": "wishlist_item", "aggregate": { "function": "avg", "operator": "greaterThan", "value": 300 } }
            """);

        ValidationAssert.Single(result, C0 + ".aggregate.column", "invalid-aggregate", "The avg aggregate needs a NUMBER column ('column').");
    }

    [Fact]
    public async Task Validate_CountWithColumn_ReportsInvalidAggregate()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "entity", "entity": "sale", "aggregate": { "function": "count", "column": "amount", "operator": "greaterThan", "value": 5 } }
            """);

        ValidationAssert.Single(result, C0 + ".aggregate.column", "invalid-aggregate",
            "The count aggregate takes no column (found 'amount'); remove 'column' or use sum, avg, min or max.");
    }

    [Fact]
    public async Task Validate_AggregateOnUnknownColumn_ReportsUnknownColumn()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "entity", "entity": "sale", "aggregate": { "function": "max", "column": "profit", "operator": "greaterThan", "value": 5 } }
            """);

        ValidationAssert.Single(result, C0 + ".aggregate.column", "unknown-column", "Column 'profit' does not exist in entity 'sale'.");
    }

    [Fact]
    public async Task Validate_AggregateWithStringOperator_ReportsOperatorNotAllowed()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "entity", "entity": "sale", "aggregate": { "function": "sum", "column": "amount", "operator": "contains", "value": 5000000 } }
            """);

        ValidationAssert.Single(result, C0 + ".aggregate.operator", "operator-not-allowed",
            "Operator 'contains' is not allowed for the sum of 'sale.amount'; allowed: equals, notEquals, lessThan, greaterThan, lessThanOrEqual, greaterThanOrEqual.");
    }

    [Fact]
    public async Task Validate_SeveralProblems_ReportsEveryOneInDocumentOrder()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "entity", "entity": "account", "where": { "filters": [
                { "property": "credit_limit", "operator": "contains", "value": "x" },
                { "property": "nope", "operator": "equals", "value": 1 } ] },
              "conditions": [ { "entity": "boat" } ] }
            """);

        Assert.Equal(
            [
                (C0 + ".where.filters[0].operator", "operator-not-allowed"),
                (C0 + ".where.filters[0].value", "value-type-mismatch"),
                (C0 + ".where.filters[1].property", "unknown-column"),
                (C0 + ".conditions[0].entity", "unknown-entity"),
            ],
            result.Errors.Select(e => (e.Path, e.Rule)));
    }
}
