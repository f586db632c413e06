using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Tests.Validation;

public sealed class EventConditionRulesTests
{
    private const string C0 = "$.groups[0].conditions[0]";

    [Fact]
    public async Task Validate_EventWithPropertiesContextWindowAndCount_IsValid()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "event", "event": "Order Completed",
              "where": { "operator": "or", "filters": [
                { "property": "amount", "operator": "greaterThan", "ref": { "trait": "lifetime_value" } },
                { "property": "context.locale", "operator": "startsWith", "value": "en" },
                { "property": "is_gift", "operator": "equals", "value": true } ] },
              "window": { "withinLastDays": 30 }, "count": { "operator": "atLeast", "value": 3 } },
            { "kind": "event", "event": "Signed In", "window": { "from": "2026-01-01", "to": "2026-01-31" }, "negate": true }
            """);

        ValidationAssert.Valid(result);
    }

    [Fact]
    public async Task Validate_UnknownEventProperty_ReportsPropertyPathAndKnownNames()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "event", "event": "Order Completed", "where": { "filters": [ { "property": "total", "operator": "greaterThan", "value": 1 } ] } }
            """);

        ValidationAssert.Single(result, C0 + ".where.filters[0].property", "unknown-event-property",
            "Event property 'total' is not declared in the data graph's event source; known: amount, product, currency, coupon, is_gift, context.locale, context.channel.");
    }

    [Fact]
    public async Task Validate_UnknownContextKey_ReportsUnknownEventProperty()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "event", "event": "Signed In", "where": { "filters": [ { "property": "context.device", "operator": "equals", "value": "ios" } ] } }
            """);

        Assert.Equal("unknown-event-property", Assert.Single(result.Errors).Rule);
        Assert.Equal(C0 + ".where.filters[0].property", result.Errors[0].Path);
    }

    [Fact]
    public async Task Validate_ContextKeyWithWrongOperator_NamesTheContextKey()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "event", "event": "Signed In", "where": { "filters": [ { "property": "context.channel", "operator": "lessThan", "value": "web" } ] } }
            """);

        ValidationAssert.Single(result, C0 + ".where.filters[0].operator", "operator-not-allowed",
            "Operator 'lessThan' is not allowed for STRING context key 'channel' of event 'Signed In'; allowed: equals, notEquals, contains, notContains, startsWith, endsWith.");
    }

    [Fact]
    public async Task Validate_GraphWithoutEvents_ReportsNoEventSource()
    {
        var graph = DemoGraph.Graph with { Events = null };

        var result = await Audiences.ValidateConditionAsync("""{ "kind": "event", "event": "Signed In" }""", graph: graph);

        ValidationAssert.Single(result, C0, "no-event-source", "The data graph has no event source ('events'), so event conditions cannot be used.");
    }

    [Fact]
    public async Task Validate_EntityReferenceInEventFilter_ReportsReferenceOutOfScope()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "event", "event": "Card Payment",
              "where": { "filters": [ { "property": "amount", "operator": "greaterThan", "ref": { "entity": "account", "column": "credit_limit" } } ] } }
            """);

        ValidationAssert.Single(result, C0 + ".where.filters[0].ref.entity", "reference-out-of-scope",
            "Entity columns cannot be referenced in an event condition; reference a profile trait or use a constant.");
    }

    [Fact]
    public async Task Validate_WindowWithNeitherForm_ReportsInvalidWindow()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "event", "event": "Signed In", "window": { } }""");

        ValidationAssert.Single(result, C0 + ".window", "invalid-window", "An event window needs either 'withinLastDays' or a date range 'from'/'to'.");
    }

    [Fact]
    public async Task Validate_WindowWithBothForms_ReportsInvalidWindow()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "event", "event": "Signed In", "window": { "withinLastDays": 7, "from": "2026-01-01", "to": "2026-01-31" } }
            """);

        ValidationAssert.Single(result, C0 + ".window", "invalid-window", "An event window is either 'withinLastDays' or a date range 'from'/'to', not both.");
    }

    [Fact]
    public async Task Validate_FromAfterTo_ReportsInvalidWindow()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "event", "event": "Signed In", "window": { "from": "2026-02-01", "to": "2026-01-31" } }""");

        ValidationAssert.Single(result, C0 + ".window.from", "invalid-window", "The date range starts (2026-02-01) after it ends (2026-01-31).");
    }

    [Fact]
    public async Task Validate_FromWithoutTo_ReportsInvalidWindowOnTo()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "event", "event": "Signed In", "window": { "from": "2026-02-01" } }""");

        ValidationAssert.Single(result, C0 + ".window.to", "invalid-window", "A date range needs both 'from' and 'to' (both days included).");
    }

    [Fact]
    public async Task Validate_NegativeWithinLastDays_ReportsInvalidWindow()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "event", "event": "Signed In", "window": { "withinLastDays": -1 } }""");

        ValidationAssert.Single(result, C0 + ".window.withinLastDays", "invalid-window", "A window counts 0 or more days back from the evaluation time; found -1.");
    }

    [Fact]
    public async Task Validate_ExactlyZeroEventsWithPropertyFilters_ReportsZeroCountWithFilters()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "event", "event": "Order Completed", "count": { "operator": "exactly", "value": 0 },
              "where": { "filters": [ { "property": "coupon", "operator": "equals", "value": "WELCOME" } ] } }
            """);

        ValidationAssert.Single(result, C0 + ".count", "zero-count-with-filters",
            "When counting 0 ('exactly' 0) you cannot also filter on event properties; remove the filters or count 1 or more.");
    }

    [Fact]
    public async Task Validate_EmptyEventName_ReportsMissingValue()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "event", "event": "" }""");

        ValidationAssert.Single(result, C0 + ".event", "missing-value", "An event condition must name the event ('event').");
    }
}
