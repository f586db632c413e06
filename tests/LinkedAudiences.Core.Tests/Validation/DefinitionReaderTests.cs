using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Tests.Validation;

public sealed class DefinitionReaderTests
{
    [Fact]
    public void Read_ValidDefinition_ReturnsIt()
    {
        var result = DefinitionReader.Read("""
            { "schemaVersion": 1, "groups": [ { "conditions": [ { "kind": "trait", "trait": "plan", "operator": "equals", "value": "pro" } ] } ] }
            """);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        var condition = Assert.IsType<TraitCondition>(Assert.Single(Assert.Single(result.Value.Groups).Conditions));
        Assert.Equal("plan", condition.Trait);
    }

    [Fact]
    public void Read_BrokenJson_ReportsLineAndPosition()
    {
        var result = DefinitionReader.Read("""
            { "groups": [
              { "conditions": [ ] ]
            }
            """);

        Assert.Null(result.Value);
        ValidationAssert.Single(result.Validation, "$.groups[0]", "invalid-json",
            "The text is not valid JSON at line 2, position 23: ']' is invalid without a matching open.");
    }

    [Fact]
    public void Read_EmptyText_ReportsEmptyDocument()
    {
        ValidationAssert.Single(DefinitionReader.Read("  ").Validation, "$", "invalid-json", "The audience definition is empty: expected a JSON object.");
    }

    [Fact]
    public void Read_JsonNull_ReportsNullDocument()
    {
        ValidationAssert.Single(DefinitionReader.Read("null").Validation, "$", "invalid-json", "The audience definition is null: expected a JSON object.");
    }

    [Fact]
    public void Read_Array_ReportsExpectedObject()
    {
        ValidationAssert.Single(DefinitionReader.Read("[]").Validation, "$", "invalid-json", "The audience definition must be a JSON object; found [].");
    }

    [Fact]
    public void Read_UnknownMember_ReportsItsPathAndTheAllowedFields()
    {
        var result = DefinitionReader.Read("""{ "groups": [ { "conditions": [ { "kind": "entity", "entity": "account", "filter": {} } ] } ] }""");

        ValidationAssert.Single(result.Validation, "$.groups[0].conditions[0].filter", "invalid-json",
            "'filter' is not a field of an entity condition; allowed fields: kind, entity, relationship, where, window, count, aggregate, conditions, conditionsOperator, negate.");
    }

    [Fact]
    public void Read_NestedEntityConditionWithOrWithoutKind_ReadsBoth()
    {
        var result = DefinitionReader.Read("""
            { "groups": [ { "conditions": [ { "kind": "entity", "entity": "account", "conditions": [
              { "kind": "entity", "entity": "order" }, { "entity": "credit_card" } ] } ] } ] }
            """);

        Assert.True(result.IsValid, result.Validation.ToString());
        var account = Assert.IsType<EntityCondition>(result.Value.Groups[0].Conditions[0]);
        Assert.Equal(["order", "credit_card"], account.Conditions.Select(c => c.Entity));
    }

    [Fact]
    public void Read_NestedConditionOfAnotherKind_ExplainsNestedConditionsAreEntityConditions()
    {
        var result = DefinitionReader.Read("""
            { "groups": [ { "conditions": [ { "kind": "entity", "entity": "account", "conditions": [ { "kind": "trait", "trait": "plan" } ] } ] } ] }
            """);

        ValidationAssert.Single(result.Validation, "$.groups[0].conditions[0].conditions[0].kind", "invalid-json",
            "Conditions nested in an entity condition are entity conditions: 'kind' can only be \"entity\" here; found \"trait\".");
    }

    [Fact]
    public void Read_MissingRequiredMember_ReportsTheObjectAndTheField()
    {
        var result = DefinitionReader.Read("""{ "groups": [ { "conditions": [ { "kind": "event", "negate": true } ] } ] }""");

        ValidationAssert.Single(result.Validation, "$.groups[0].conditions[0]", "invalid-json", "Required field 'event' is missing from an event condition.");
    }

    [Fact]
    public void Read_UnknownOperator_ListsTheAllowedValues()
    {
        var result = DefinitionReader.Read("""
            { "groups": [ { "conditions": [ { "kind": "entity", "entity": "account",
              "where": { "filters": [ { "property": "plan", "operator": "like", "value": "p%" } ] } } ] } ] }
            """);

        ValidationAssert.Single(result.Validation, "$.groups[0].conditions[0].where.filters[0].operator", "invalid-json",
            "'operator' must be one of: equals, notEquals, lessThan, greaterThan, lessThanOrEqual, greaterThanOrEqual, contains, notContains, startsWith, endsWith; found \"like\".");
    }

    [Fact]
    public void Read_UnknownConditionKind_ListsTheKinds()
    {
        var result = DefinitionReader.Read("""{ "groups": [ { "conditions": [ { "kind": "segment", "segment": "x" } ] } ] }""");

        ValidationAssert.Single(result.Validation, "$.groups[0].conditions[0].kind", "invalid-json",
            "'kind' must be one of: entity, trait, event, audience; found \"segment\".");
    }

    [Fact]
    public void Read_ConditionWithoutKind_AsksForAKind()
    {
        var result = DefinitionReader.Read("""{ "groups": [ { "conditions": [ { "trait": "plan" } ] } ] }""");

        ValidationAssert.Single(result.Validation, "$.groups[0].conditions[0]", "invalid-json", "A condition needs a 'kind': one of entity, trait, event, audience.");
    }

    [Fact]
    public void Read_FractionalCount_AsksForAWholeNumber()
    {
        var result = DefinitionReader.Read("""{ "groups": [ { "conditions": [ { "kind": "entity", "entity": "account", "count": { "value": 1.5 } } ] } ] }""");

        ValidationAssert.Single(result.Validation, "$.groups[0].conditions[0].count.value", "invalid-json", "'value' must be a whole number; found 1.5.");
    }

    [Fact]
    public void Read_BadWindowDate_AsksForADate()
    {
        var result = DefinitionReader.Read("""{ "groups": [ { "conditions": [ { "kind": "event", "event": "Signed In", "window": { "from": "01/02/2026" } } ] } ] }""");

        ValidationAssert.Single(result.Validation, "$.groups[0].conditions[0].window.from", "invalid-json", "'from' must be a date \"YYYY-MM-DD\"; found \"01/02/2026\".");
    }

    [Fact]
    public void Read_ObjectWhereArrayExpected_SaysArray()
    {
        var result = DefinitionReader.Read("""{ "groups": { } }""");

        ValidationAssert.Single(result.Validation, "$.groups", "invalid-json", "'groups' must be an array; found { }.");
    }

    [Fact]
    public void Read_NewerSchemaVersionWithUnknownMembers_ReportsTheVersionNotTheMembers()
    {
        var result = DefinitionReader.Read("""{ "schemaVersion": 2, "audienceType": "linked", "groups": [] }""");

        ValidationAssert.Single(result.Validation, "$.schemaVersion", "unsupported-schema-version",
            "Schema version 2 is not supported; this version of Linked Audiences reads audience definitions of schema version 1.");
    }

    [Fact]
    public void Read_OlderSchemaVersion_ReportsUnsupportedSchemaVersion()
    {
        var result = DefinitionReader.Read("""{ "schemaVersion": 0, "groups": [] }""");

        Assert.Null(result.Value);
        Assert.Equal("unsupported-schema-version", Assert.Single(result.Errors).Rule);
    }
}
