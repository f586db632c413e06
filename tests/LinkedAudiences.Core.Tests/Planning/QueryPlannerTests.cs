using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Planning;
using LinkedAudiences.Core.Tests.Sql;

namespace LinkedAudiences.Core.Tests.Planning;

public sealed class QueryPlannerTests
{
    private static readonly Dictionary<string, AudienceDefinition> NoImports = new(StringComparer.Ordinal);

    [Fact]
    public void Plan_NestedEntityConditions_ResolvesEntitiesRelationshipsDepthsAndBranchIds()
    {
        var plan = Plan("""
            { "groups": [ { "conditions": [
              { "kind": "trait", "trait": "plan", "operator": "equals", "value": "pro" },
              { "kind": "entity", "entity": "account", "conditions": [
                { "entity": "order" },
                { "entity": "credit_card", "conditions": [ { "entity": "transaction" } ] } ] } ] } ] }
            """);

        var account = Assert.IsType<PlannedEntityCondition>(plan.Groups[0].Conditions[1]);
        Assert.Equal("0.1", account.BranchId);
        Assert.Equal(1, account.Depth);
        Assert.Null(account.ParentEntity);
        Assert.Equal("profile_accounts", account.Relationship.Name);
        Assert.Equal("accounts", account.Entity.Table);
        Assert.Empty(account.Ancestors);

        var card = account.Conditions[1];
        Assert.Equal("0.1.1", card.BranchId);
        Assert.Equal("account_credit_cards", card.Relationship.Name);
        Assert.Equal("account", card.ParentEntity!.Name);

        var transaction = card.Conditions[0];
        Assert.Equal("0.1.1.0", transaction.BranchId);
        Assert.Equal(3, transaction.Depth);
        Assert.Equal(["account", "credit_card"], transaction.Ancestors.Select(a => a.Entity.Name));
        Assert.Equal(["0.1", "0.1.1"], transaction.Ancestors.Select(a => a.BranchId));
        Assert.True(plan.TargetsProfiles);
        Assert.Empty(plan.Groups[0].TargetChain);
    }

    [Fact]
    public void Plan_DirectJoin_NamesParentAndChildColumns()
    {
        var card = Entity(Plan("""{ "groups": [ { "conditions": [ { "kind": "entity", "entity": "account", "conditions": [ { "entity": "credit_card" } ] } ] } ] }""")).Conditions[0];

        Assert.Equal(new PlannedLink { ParentColumn = "account_id", ChildColumn = "account_id" }, card.Link);
    }

    [Fact]
    public void Plan_JunctionRelationship_DefaultsKeysToProfileIdAndPrimaryKey()
    {
        var household = Entity(Plan("""{ "groups": [ { "conditions": [ { "kind": "entity", "entity": "household" } ] } ] }"""));

        Assert.Equal("profile_id", household.Link.ParentColumn);
        Assert.Equal("household_id", household.Link.ChildColumn);
        Assert.Equal(new PlannedJunction(null, "household_members", "profile_id", "household_id"), household.Link.Junction);
    }

    [Fact]
    public void Plan_Filters_TypeConstantsByColumnType()
    {
        var account = Entity(Plan("""
            { "groups": [ { "conditions": [ { "kind": "entity", "entity": "account", "where": { "filters": [
              { "property": "credit_limit", "operator": "greaterThan", "value": 1000.5 },
              { "property": "opened_at", "operator": "lessThan", "value": "2026-01-01T12:00:00+02:00" } ] },
              "window": { "column": "opened_at", "withinLastDays": 30 },
              "aggregate": { "function": "sum", "column": "credit_limit", "operator": "greaterThan", "value": 10 } } ] } ] }
            """));

        var filters = account.Where!.Filters;
        Assert.Equal(new ConstantOperand(DataType.Number, 1000.5m), filters[0].Right);
        Assert.Equal(new ConstantOperand(DataType.Timestamp, new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Unspecified)), filters[1].Right);
        Assert.Equal("credit_limit", Assert.IsType<EntityColumnOperand>(filters[0].Left).Column.Name);
        Assert.Equal(DataType.Timestamp, account.Window!.Column.Type);
        Assert.Equal(new PlannedAggregate(AggregateFunction.Sum, account.Entity.FindColumn("credit_limit"), ComparisonOperator.GreaterThan, 10m), account.Aggregate);
    }

    [Fact]
    public void Plan_DynamicReference_ResolvesTheNearestRowOfThatEntityInTheBranch()
    {
        var card = Entity(Plan("""
            { "groups": [ { "conditions": [ { "kind": "entity", "entity": "account", "conditions": [ { "entity": "credit_card", "where": { "filters": [
              { "property": "card_limit", "operator": "greaterThan", "ref": { "entity": "account", "column": "credit_limit" } },
              { "property": "balance", "operator": "lessThan", "ref": { "entity": "credit_card", "column": "card_limit" } },
              { "property": "balance", "operator": "lessThan", "ref": { "trait": "credit_limit" } } ] } } ] } ] } ] }
            """)).Conditions[0];

        var toAccount = Assert.IsType<EntityColumnOperand>(card.Where!.Filters[0].Right);
        Assert.Equal(("account", 1, "0.0"), (toAccount.Scope.Entity.Name, toAccount.Scope.Depth, toAccount.Scope.BranchId));
        var toSelf = Assert.IsType<EntityColumnOperand>(card.Where.Filters[1].Right);
        Assert.Equal(card.Scope, toSelf.Scope);
        Assert.Equal("credit_limit", Assert.IsType<TraitOperand>(card.Where.Filters[2].Right).Trait.Column);
    }

    [Fact]
    public void Plan_TraitsAndEvents_ResolveDefinitionsAndContextKeys()
    {
        var plan = Plan("""
            { "groups": [ { "conditions": [
              { "kind": "trait", "trait": "city", "operator": "equals", "value": "Paris" },
              { "kind": "trait", "trait": "credit_limit", "operator": "lessThan", "ref": { "trait": "lifetime_value" } },
              { "kind": "trait", "trait": "favorite_color" },
              { "kind": "event", "event": "Order Completed", "where": { "filters": [
                { "property": "context.locale", "operator": "equals", "value": "fr-FR" },
                { "property": "amount", "operator": "greaterThan", "ref": { "trait": "lifetime_value" } } ] } } ] } ] }
            """);
        var conditions = plan.Groups[0].Conditions;

        var city = Assert.IsType<PlannedTraitCondition>(conditions[0]);
        Assert.Equal(["address", "city"], city.Trait.PathSegments);
        Assert.Equal(new ConstantOperand(DataType.String, "Paris"), city.Value);
        Assert.Equal("lifetime_value", Assert.IsType<TraitOperand>(Assert.IsType<PlannedTraitCondition>(conditions[1]).Value).Trait.Name);
        var present = Assert.IsType<PlannedTraitCondition>(conditions[2]);
        Assert.Null(present.Operator);
        Assert.Null(present.Value);

        var @event = Assert.IsType<PlannedEventCondition>(conditions[3]);
        Assert.Equal("Order Completed", @event.EventName);
        var locale = Assert.IsType<EventPropertyOperand>(@event.Where!.Filters[0].Left);
        Assert.True(locale.IsContext);
        Assert.Equal("locale", locale.Property.Name);
        Assert.IsType<TraitOperand>(@event.Where.Filters[1].Right);
    }

    [Fact]
    public void Plan_ImportedAudience_IsPlannedRecursively()
    {
        var imports = new Dictionary<string, AudienceDefinition>(StringComparer.Ordinal)
        {
            ["a"] = DemoGraph.Audience("""{ "groups": [ { "conditions": [ { "kind": "audience", "audience": "b" } ] } ] }"""),
            ["b"] = DemoGraph.Audience("""{ "groups": [ { "conditions": [ { "kind": "trait", "trait": "plan", "operator": "equals", "value": "pro" } ] } ] }"""),
        };

        var plan = QueryPlanner.Plan(DemoGraph.Graph, DemoGraph.Audience("""
            { "groups": [ { "conditions": [ { "kind": "audience", "audience": "a" }, { "kind": "audience", "audience": "c", "mode": "membership" } ] } ] }
            """), imports);

        var a = Assert.IsType<PlannedAudienceCondition>(plan.Groups[0].Conditions[0]);
        var b = Assert.IsType<PlannedAudienceCondition>(a.Imported!.Groups[0].Conditions[0]);
        Assert.IsType<PlannedTraitCondition>(b.Imported!.Groups[0].Conditions[0]);
        var membership = Assert.IsType<PlannedAudienceCondition>(plan.Groups[0].Conditions[1]);
        Assert.Null(membership.Imported);
        Assert.Equal(AudienceReferenceMode.Membership, membership.Mode);
    }

    [Fact]
    public void Plan_ImportCycle_Throws()
    {
        var imports = new Dictionary<string, AudienceDefinition>(StringComparer.Ordinal)
        {
            ["a"] = DemoGraph.Audience("""{ "groups": [ { "conditions": [ { "kind": "audience", "audience": "b" } ] } ] }"""),
            ["b"] = DemoGraph.Audience("""{ "groups": [ { "conditions": [ { "kind": "audience", "audience": "a" } ] } ] }"""),
        };

        var error = Assert.Throws<InvalidOperationException>(() =>
            QueryPlanner.Plan(DemoGraph.Graph, DemoGraph.Audience("""{ "groups": [ { "conditions": [ { "kind": "audience", "audience": "a" } ] } ] }"""), imports));

        Assert.Equal("Audience 'a' imports itself: a → b → a.", error.Message);
    }

    [Fact]
    public void Plan_EntityTarget_FindsTheFirstPositiveChainPerGroup()
    {
        var plan = Plan("""
            { "target": { "type": "entity", "entity": "credit_card" }, "groups": [
              { "conditions": [
                { "kind": "trait", "trait": "plan", "operator": "equals", "value": "pro" },
                { "kind": "entity", "entity": "account", "negate": true, "conditions": [ { "entity": "credit_card" } ] },
                { "kind": "entity", "entity": "account", "conditions": [
                  { "entity": "order" },
                  { "entity": "credit_card", "negate": true },
                  { "entity": "credit_card", "where": { "filters": [ { "property": "network", "operator": "equals", "value": "Visa" } ] } } ] } ] } ] }
            """);

        Assert.Equal("credit_card", plan.TargetEntity!.Name);
        Assert.Equal(["0.2", "0.2.2"], plan.Groups[0].TargetChain.Select(c => c.BranchId));
    }

    [Fact]
    public void Plan_EntityTargetGroupWithoutChain_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Plan("""
            { "target": { "type": "entity", "entity": "pet" }, "groups": [ { "conditions": [ { "kind": "entity", "entity": "account" } ] } ] }
            """));

        Assert.Contains("reaches the target entity 'pet'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "kind": "entity", "entity": "boat" }""", "Entity 'boat' is not in the data graph.")]
    [InlineData("""{ "kind": "entity", "entity": "pet" }""", "No relationship links profile to pet.")]
    [InlineData("""{ "kind": "entity", "entity": "account", "relationship": "account_orders" }""", "Relationship 'account_orders' links account to order, not profile to account.")]
    [InlineData("""{ "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "colour", "operator": "equals", "value": "red" } ] } }""", "Column 'colour' is not a column of entity 'account'.")]
    [InlineData("""{ "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "credit_limit", "operator": "equals", "value": "lots" } ] } }""", "The value \"lots\" for property 'credit_limit' is not a JSON number.")]
    [InlineData("""{ "kind": "trait", "trait": "shoe_size" }""", "Trait 'shoe_size' is not in the data graph.")]
    [InlineData("""{ "kind": "event", "event": "Signed In", "where": { "filters": [ { "property": "context.device", "operator": "equals", "value": "x" } ] } }""", "Event property 'context.device' is not in the data graph.")]
    [InlineData("""{ "kind": "audience", "audience": "missing" }""", "The imported audience 'missing' was not supplied.")]
    [InlineData("""{ "kind": "entity", "entity": "account", "conditions": [ { "entity": "credit_card", "where": { "filters": [ { "property": "balance", "operator": "equals", "ref": { "entity": "pet", "column": "age" } } ] } } ] }""", "The reference to entity 'pet' does not name an entity of this branch.")]
    public void Plan_UnresolvedName_ThrowsWithAClearMessage(string condition, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Plan($$"""{ "groups": [ { "conditions": [ {{condition}} ] } ] }"""));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Plan_AmbiguousRelationship_Throws()
    {
        var graph = DemoGraph.Graph with
        {
            Relationships = [.. DemoGraph.Graph.Relationships, new Relationship { Name = "profile_shared_accounts", From = "profile", To = "account", Join = new JoinColumns { FromColumn = "email", ToColumn = "plan" } }],
        };

        var error = Assert.Throws<InvalidOperationException>(() =>
            QueryPlanner.Plan(graph, DemoGraph.Audience("""{ "groups": [ { "conditions": [ { "kind": "entity", "entity": "account" } ] } ] }"""), NoImports));

        Assert.Equal("Several relationships link profile to account; the condition must name one.", error.Message);
        var named = QueryPlanner.Plan(graph, DemoGraph.Audience("""{ "groups": [ { "conditions": [ { "kind": "entity", "entity": "account", "relationship": "profile_shared_accounts" } ] } ] }"""), NoImports);
        Assert.Equal("email", Entity(named).Link.ParentColumn);
    }

    private static AudiencePlan Plan(string json) => QueryPlanner.Plan(DemoGraph.Graph, DemoGraph.Audience(json), NoImports);

    private static PlannedEntityCondition Entity(AudiencePlan plan) => Assert.IsType<PlannedEntityCondition>(plan.Groups[0].Conditions[0]);
}
