using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Tests.Validation;

public sealed class EntityTargetRulesTests
{
    private static string Targeting(string entity, string groups) =>
        $$"""{ "target": { "type": "entity", "entity": "{{entity}}" }, "groups": [ {{groups}} ] }""";

    [Fact]
    public async Task Validate_TargetReachedThroughNestedChain_IsValid()
    {
        var result = await Audiences.ValidateAsync(Targeting("credit_card", """
            { "conditions": [
              { "kind": "trait", "trait": "plan", "operator": "equals", "value": "pro" },
              { "kind": "entity", "entity": "account", "conditions": [
                { "entity": "credit_card", "where": { "filters": [ { "property": "balance_status", "operator": "equals", "value": "Outstanding" } ] } } ] } ] }
            """));

        ValidationAssert.Valid(result);
    }

    [Fact]
    public async Task Validate_UnknownTargetEntity_ReportsUnknownEntity()
    {
        var result = await Audiences.ValidateAsync(Targeting("boat", """{ "conditions": [ { "kind": "entity", "entity": "account" } ] }"""));

        ValidationAssert.Single(result, "$.target.entity", "unknown-entity", "The target entity 'boat' does not exist in the data graph.");
    }

    [Fact]
    public async Task Validate_GroupWithoutPositiveChainToTarget_ReportsEntityTargetMissing()
    {
        // The only chain to credit_card is negated: "without" rows cannot be the members.
        var result = await Audiences.ValidateAsync(Targeting("credit_card", """
            { "conditions": [ { "kind": "entity", "entity": "account", "conditions": [ { "entity": "credit_card", "negate": true } ] } ] }
            """));

        ValidationAssert.Single(result, "$.groups[0]", "entity-target-missing",
            "This group has no 'with entity' condition reaching the target entity 'credit_card'; each group of an audience targeting 'credit_card' needs one.");
    }

    [Fact]
    public async Task Validate_OrGroupOnEntityTarget_ReportsEntityTargetOperator()
    {
        var result = await Audiences.ValidateAsync(Targeting("account", """
            { "operator": "or", "conditions": [ { "kind": "entity", "entity": "account" }, { "kind": "trait", "trait": "is_vip", "operator": "equals", "value": true } ] }
            """));

        ValidationAssert.Single(result, "$.groups[0].operator", "entity-target-operator",
            "Conditions of an audience targeting 'account' combine with AND; 'or' is not allowed in its groups.");
    }

    [Fact]
    public async Task Validate_PartOfAudienceOnEntityTarget_ReportsPartOfAudienceEntityTarget()
    {
        var catalog = new InMemoryAudienceCatalog(new Dictionary<string, AudienceDefinition>
        {
            ["vips"] = Audiences.Parse(Audiences.WithConditions("""{ "kind": "trait", "trait": "is_vip", "operator": "equals", "value": true }""")),
        });

        var result = await Audiences.ValidateAsync(Targeting("account", """
            { "conditions": [ { "kind": "entity", "entity": "account" }, { "kind": "audience", "audience": "vips" } ] }
            """), catalog);

        ValidationAssert.Single(result, "$.groups[0].conditions[1]", "part-of-audience-entity-target",
            "Part of audience conditions cannot be used when the audience targets entities; they filter profiles only.");
    }

    [Fact]
    public async Task Validate_EntityTargetWithoutEntityName_ReportsInvalidTarget()
    {
        var result = await Audiences.ValidateAsync("""{ "target": { "type": "entity" }, "groups": [ { "conditions": [ { "kind": "entity", "entity": "account" } ] } ] }""");

        ValidationAssert.Single(result, "$.target.entity", "invalid-target", "An entity target must name its entity ('entity').");
    }
}
