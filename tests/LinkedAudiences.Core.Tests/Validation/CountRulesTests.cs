using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Tests.Validation;

public sealed class CountRulesTests
{
    private const string C0 = "$.groups[0].conditions[0]";

    [Theory]
    [InlineData("exactly", 0)]
    [InlineData("atMost", 0)]
    [InlineData("atLeast", 1)]
    [InlineData("exactly", 3)]
    public async Task Validate_CountWithinTheSeedsRange_IsValid(string op, int value)
    {
        var result = await Audiences.ValidateConditionAsync($$"""{ "kind": "entity", "entity": "account", "count": { "operator": "{{op}}", "value": {{value}} } }""");

        ValidationAssert.Valid(result);
    }

    [Fact]
    public async Task Validate_NegativeCount_ReportsInvalidCount()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "entity", "entity": "account", "count": { "operator": "atMost", "value": -2 } }""");

        ValidationAssert.Single(result, C0 + ".count.value", "invalid-count", "A count cannot be negative; found -2.");
    }

    [Fact]
    public async Task Validate_AtLeastZero_ReportsInvalidCount()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "entity", "entity": "account", "count": { "operator": "atLeast", "value": 0 } }""");

        ValidationAssert.Single(result, C0 + ".count.value", "invalid-count",
            "'At least' needs 1 or more ('at least 0' matches everyone); use 'exactly 0' or 'at most' to find none.");
    }

    [Fact]
    public async Task Validate_AtMostZeroWithPropertyFilter_ReportsZeroCountWithFilters()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "entity", "entity": "account", "count": { "operator": "atMost", "value": 0 },
              "where": { "filters": [ { "property": "status", "operator": "equals", "value": "closed" } ] } }
            """);

        ValidationAssert.Single(result, C0 + ".count", "zero-count-with-filters",
            "When counting 0 ('atMost' 0) you cannot also filter on entity properties or nested entities; remove the filters or count 1 or more.");
    }

    [Fact]
    public async Task Validate_ExactlyZeroWithNestedEntity_ReportsZeroCountWithFilters()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "entity", "entity": "account", "count": { "operator": "exactly", "value": 0 }, "conditions": [ { "entity": "order" } ] }
            """);

        ValidationAssert.Single(result, C0 + ".count", "zero-count-with-filters",
            "When counting 0 ('exactly' 0) you cannot also filter on entity properties or nested entities; remove the filters or count 1 or more.");
    }
}
