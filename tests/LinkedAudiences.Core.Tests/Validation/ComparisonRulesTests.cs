using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Tests.Validation;

public sealed class ComparisonRulesTests
{
    private const string F0 = "$.groups[0].conditions[0].where.filters[0]";
    private const string Nested = "$.groups[0].conditions[0].conditions[0].where.filters[0]";

    private static Task<ValidationResult> CardFilterAsync(string filter) => Audiences.ValidateConditionAsync($$"""
        { "kind": "entity", "entity": "account", "conditions": [ { "entity": "credit_card", "where": { "filters": [ {{filter}} ] } } ] }
        """);

    private static Task<ValidationResult> AccountFilterAsync(string filter) => Audiences.ValidateConditionAsync($$"""
        { "kind": "entity", "entity": "account", "where": { "filters": [ {{filter}} ] } }
        """);

    [Fact]
    public async Task Validate_ContainsOnNumberColumn_ReportsOperatorNotAllowedWithAllowedList()
    {
        var result = await CardFilterAsync("""{ "property": "balance", "operator": "contains", "value": 5 }""");

        ValidationAssert.Single(result, Nested + ".operator", "operator-not-allowed",
            "Operator 'contains' is not allowed for NUMBER column 'credit_card.balance'; allowed: equals, notEquals, lessThan, greaterThan, lessThanOrEqual, greaterThanOrEqual.");
    }

    [Fact]
    public async Task Validate_GreaterThanOnStringColumn_ReportsOperatorNotAllowed()
    {
        var result = await AccountFilterAsync("""{ "property": "plan", "operator": "greaterThan", "value": "pro" }""");

        ValidationAssert.Single(result, F0 + ".operator", "operator-not-allowed",
            "Operator 'greaterThan' is not allowed for STRING column 'account.plan'; allowed: equals, notEquals, contains, notContains, startsWith, endsWith.");
    }

    [Fact]
    public async Task Validate_LessThanOnBooleanColumn_ReportsOperatorNotAllowed()
    {
        var result = await CardFilterAsync("""{ "property": "is_active", "operator": "lessThan", "value": true }""");

        ValidationAssert.Single(result, Nested + ".operator", "operator-not-allowed",
            "Operator 'lessThan' is not allowed for BOOLEAN column 'credit_card.is_active'; allowed: equals, notEquals.");
    }

    [Theory]
    [InlineData("balance", "greaterThanOrEqual", "100.50")]
    [InlineData("network", "startsWith", "\"Vi\"")]
    [InlineData("is_active", "notEquals", "false")]
    [InlineData("issued_at", "lessThan", "\"2026-01-01T00:00:00Z\"")]
    [InlineData("expires_on", "greaterThan", "\"2027-06-30\"")]
    public async Task Validate_AllowedOperatorAndTypedConstant_IsValid(string column, string op, string value)
    {
        var result = await CardFilterAsync($$"""{ "property": "{{column}}", "operator": "{{op}}", "value": {{value}} }""");

        ValidationAssert.Valid(result);
    }

    [Fact]
    public async Task Validate_FilterWithoutValueOrRef_ReportsMissingValue()
    {
        var result = await AccountFilterAsync("""{ "property": "status", "operator": "equals" }""");

        ValidationAssert.Single(result, F0 + ".value", "missing-value", "The comparison on STRING column 'account.status' needs a constant ('value') or a reference ('ref').");
    }

    [Fact]
    public async Task Validate_NullValue_ReportsMissingValue()
    {
        var result = await AccountFilterAsync("""{ "property": "status", "operator": "equals", "value": null }""");

        ValidationAssert.Single(result, F0 + ".value", "missing-value", "The comparison on STRING column 'account.status' needs a constant ('value') or a reference ('ref').");
    }

    [Fact]
    public async Task Validate_ValueAndRef_ReportsValueAndRef()
    {
        var result = await AccountFilterAsync("""{ "property": "plan", "operator": "equals", "value": "pro", "ref": { "trait": "plan" } }""");

        ValidationAssert.Single(result, F0, "value-and-ref", "The comparison on STRING column 'account.plan' has both a constant ('value') and a reference ('ref'); keep only one.");
    }

    [Fact]
    public async Task Validate_StringConstantOnNumberColumn_ReportsValueTypeMismatch()
    {
        var result = await CardFilterAsync("""{ "property": "balance", "operator": "greaterThan", "value": "100" }""");

        ValidationAssert.Single(result, Nested + ".value", "value-type-mismatch", "The value \"100\" for NUMBER column 'credit_card.balance' must be a JSON number.");
    }

    [Fact]
    public async Task Validate_MalformedDateConstant_ReportsValueTypeMismatch()
    {
        var result = await CardFilterAsync("""{ "property": "expires_on", "operator": "equals", "value": "30/06/2027" }""");

        ValidationAssert.Single(result, Nested + ".value", "value-type-mismatch", "The value \"30/06/2027\" for DATE column 'credit_card.expires_on' must be a date \"YYYY-MM-DD\".");
    }

    [Fact]
    public async Task Validate_ReferenceToParentColumnOfSameType_IsValid()
    {
        var result = await CardFilterAsync("""{ "property": "card_limit", "operator": "lessThanOrEqual", "ref": { "entity": "account", "column": "credit_limit" } }""");

        ValidationAssert.Valid(result);
    }

    [Fact]
    public async Task Validate_ReferenceToOwnColumnAndTrait_IsValid()
    {
        var result = await CardFilterAsync("""
            { "property": "balance", "operator": "greaterThan", "ref": { "entity": "credit_card", "column": "card_limit" } },
            { "property": "balance", "operator": "lessThan", "ref": { "trait": "loyalty_points" } }
            """);

        ValidationAssert.Valid(result);
    }

    [Fact]
    public async Task Validate_ReferenceOfAnotherType_ReportsReferenceTypeMismatch()
    {
        var result = await CardFilterAsync("""{ "property": "balance", "operator": "equals", "ref": { "entity": "account", "column": "region" } }""");

        ValidationAssert.Single(result, Nested + ".ref", "reference-type-mismatch",
            "The reference to STRING column 'account.region' cannot be compared with NUMBER column 'credit_card.balance'; references must have the same data type.");
    }

    [Fact]
    public async Task Validate_ReferenceToChildEntity_ReportsReferenceOutOfScope()
    {
        // credit_card is below account in the branch: the account row has many cards, so "the" card is undefined.
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "entity", "entity": "account",
              "where": { "filters": [ { "property": "credit_limit", "operator": "greaterThan", "ref": { "entity": "credit_card", "column": "balance" } } ] },
              "conditions": [ { "entity": "credit_card" } ] }
            """);

        ValidationAssert.Single(result, F0 + ".ref.entity", "reference-out-of-scope",
            "Entity 'credit_card' is not in this branch at the same level or above; references can read 'account'.");
    }

    [Fact]
    public async Task Validate_ReferenceToSiblingBranch_ReportsReferenceOutOfScope()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "entity", "entity": "account", "conditions": [
              { "entity": "order" },
              { "entity": "credit_card", "where": { "filters": [ { "property": "balance", "operator": "greaterThan", "ref": { "entity": "order", "column": "total" } } ] } } ] }
            """);

        ValidationAssert.Single(result, "$.groups[0].conditions[0].conditions[1].where.filters[0].ref.entity", "reference-out-of-scope",
            "Entity 'order' is not in this branch at the same level or above; references can read 'credit_card', 'account'.");
    }

    [Fact]
    public async Task Validate_ReferenceToUnknownEntity_ReportsUnknownEntity()
    {
        var result = await CardFilterAsync("""{ "property": "balance", "operator": "equals", "ref": { "entity": "bank", "column": "balance" } }""");

        ValidationAssert.Single(result, Nested + ".ref.entity", "unknown-entity", "The referenced entity 'bank' does not exist in the data graph.");
    }

    [Fact]
    public async Task Validate_ReferenceToUnknownColumn_ReportsUnknownColumn()
    {
        var result = await CardFilterAsync("""{ "property": "balance", "operator": "equals", "ref": { "entity": "account", "column": "limit" } }""");

        ValidationAssert.Single(result, Nested + ".ref.column", "unknown-column", "The referenced column 'limit' does not exist in entity 'account'.");
    }

    [Fact]
    public async Task Validate_ReferenceToUnknownTrait_ReportsUnknownTrait()
    {
        var result = await CardFilterAsync("""{ "property": "balance", "operator": "equals", "ref": { "trait": "net_worth" } }""");

        ValidationAssert.Single(result, Nested + ".ref.trait", "unknown-trait", "The referenced trait 'net_worth' does not exist in the data graph.");
    }

    [Fact]
    public async Task Validate_ReferenceOnBooleanColumn_ReportsReferenceOperatorNotAllowed()
    {
        var result = await CardFilterAsync("""{ "property": "is_active", "operator": "equals", "ref": { "trait": "is_vip" } }""");

        ValidationAssert.Single(result, Nested + ".ref", "reference-operator-not-allowed",
            "BOOLEAN column 'credit_card.is_active' cannot be compared with a reference: BOOLEAN values compare only with the constants true or false.");
    }

    [Theory]
    [InlineData("""{ }""")]
    [InlineData("""{ "entity": "account" }""")]
    [InlineData("""{ "column": "credit_limit" }""")]
    [InlineData("""{ "trait": "credit_limit", "entity": "account", "column": "credit_limit" }""")]
    public async Task Validate_MalformedReference_ReportsInvalidReference(string reference)
    {
        var result = await CardFilterAsync($$"""{ "property": "balance", "operator": "equals", "ref": {{reference}} }""");

        ValidationAssert.Single(result, Nested + ".ref", "invalid-reference",
            "A reference names either a profile trait ({\"trait\": ...}) or an entity column ({\"entity\": ..., \"column\": ...}).");
    }
}
