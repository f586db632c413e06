using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Tests.Validation;

public sealed class TraitConditionRulesTests
{
    private const string C0 = "$.groups[0].conditions[0]";

    [Theory]
    [InlineData("""{ "kind": "trait", "trait": "email" }""")]
    [InlineData("""{ "kind": "trait", "trait": "loyalty_tier", "operator": "equals", "value": "gold", "negate": true }""")]
    [InlineData("""{ "kind": "trait", "trait": "lifetime_value", "operator": "greaterThan", "ref": { "trait": "credit_limit" } }""")]
    [InlineData("""{ "kind": "trait", "trait": "preferred_contact_time", "operator": "lessThan", "value": "09:30" }""")]
    [InlineData("""{ "kind": "trait", "trait": "is_vip", "operator": "equals", "value": true }""")]
    public async Task Validate_WellFormedTraitCondition_IsValid(string condition)
    {
        ValidationAssert.Valid(await Audiences.ValidateConditionAsync(condition));
    }

    [Fact]
    public async Task Validate_UnknownTrait_ReportsTraitPath()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "trait", "trait": "shoe_size", "operator": "equals", "value": 42 }""");

        ValidationAssert.Single(result, C0 + ".trait", "unknown-trait", "Trait 'shoe_size' does not exist in the data graph.");
    }

    [Fact]
    public async Task Validate_ValueWithoutOperator_ReportsMissingValueOnOperator()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "trait", "trait": "plan", "value": "pro" }""");

        ValidationAssert.Single(result, C0 + ".operator", "missing-value",
            "The condition on STRING trait 'plan' has a value but no operator; choose an operator, or remove the value to test that it is present.");
    }

    [Fact]
    public async Task Validate_OperatorWithoutValue_ReportsMissingValue()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "trait", "trait": "plan", "operator": "equals" }""");

        ValidationAssert.Single(result, C0 + ".value", "missing-value", "The comparison on STRING trait 'plan' needs a constant ('value') or a reference ('ref').");
    }

    [Fact]
    public async Task Validate_StartsWithOnTimestampTrait_ReportsOperatorNotAllowedAndTheValue()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "trait", "trait": "signed_up_at", "operator": "startsWith", "value": "2026" }""");

        Assert.Equal(
            [
                new ValidationError(C0 + ".operator", "operator-not-allowed",
                    "Operator 'startsWith' is not allowed for TIMESTAMP trait 'signed_up_at'; allowed: equals, notEquals, lessThan, greaterThan, lessThanOrEqual, greaterThanOrEqual."),
                new ValidationError(C0 + ".value", "value-type-mismatch", "The value \"2026\" for TIMESTAMP trait 'signed_up_at' must be an ISO-8601 timestamp."),
            ],
            result.Errors);
    }

    [Fact]
    public async Task Validate_BooleanTraitWithNumber_ReportsValueTypeMismatch()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "trait", "trait": "is_vip", "operator": "equals", "value": 1 }""");

        ValidationAssert.Single(result, C0 + ".value", "value-type-mismatch", "The value 1 for BOOLEAN trait 'is_vip' must be true or false.");
    }

    [Fact]
    public async Task Validate_EntityReferenceInTraitCondition_ReportsReferenceOutOfScope()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "trait", "trait": "credit_limit", "operator": "greaterThan", "ref": { "entity": "account", "column": "credit_limit" } }
            """);

        ValidationAssert.Single(result, C0 + ".ref.entity", "reference-out-of-scope",
            "Entity columns cannot be referenced in a trait condition; reference a profile trait or use a constant.");
    }

    [Fact]
    public async Task Validate_TraitReferenceOfAnotherType_ReportsReferenceTypeMismatch()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "trait", "trait": "birthday", "operator": "lessThan", "ref": { "trait": "signed_up_at" } }""");

        ValidationAssert.Single(result, C0 + ".ref", "reference-type-mismatch",
            "The reference to TIMESTAMP trait 'signed_up_at' cannot be compared with DATE trait 'birthday'; references must have the same data type.");
    }
}
