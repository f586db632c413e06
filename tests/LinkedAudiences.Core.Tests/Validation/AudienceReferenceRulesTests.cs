using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Tests.Validation;

public sealed class AudienceReferenceRulesTests
{
    private const string C0 = "$.groups[0].conditions[0]";

    private static AudienceDefinition Referencing(params string[] keys) =>
        Audiences.Parse(Audiences.WithConditions(string.Join(", ", keys.Select(k => $$"""{ "kind": "audience", "audience": "{{k}}" }"""))));

    private static AudienceDefinition Vips() =>
        Audiences.Parse(Audiences.WithConditions("""{ "kind": "trait", "trait": "is_vip", "operator": "equals", "value": true }"""));

    private static InMemoryAudienceCatalog Catalog(params (string Key, AudienceDefinition Definition)[] entries) =>
        new(entries.ToDictionary(e => e.Key, e => e.Definition));

    [Fact]
    public async Task Validate_ReferenceToProfileAudienceInBothModes_IsValid()
    {
        var result = await Audiences.ValidateConditionAsync("""
            { "kind": "audience", "audience": "vips" }, { "kind": "audience", "audience": "vips", "mode": "membership", "negate": true }
            """, Catalog(("vips", Vips())), key: "platinum");

        ValidationAssert.Valid(result);
    }

    [Fact]
    public async Task Validate_UnknownAudience_ReportsAudiencePath()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "audience", "audience": "ghosts" }""");

        ValidationAssert.Single(result, C0 + ".audience", "unknown-audience", "Audience 'ghosts' does not exist.");
    }

    [Fact]
    public async Task Validate_SelfReference_ReportsAudienceCycle()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "audience", "audience": "a" }""", Catalog(("a", Vips())), key: "a");

        ValidationAssert.Single(result, C0 + ".audience", "audience-cycle", "An audience cannot reference itself: a → a.");
    }

    [Fact]
    public async Task Validate_ReferenceBackThroughCatalogue_ReportsCycleListingEveryStep()
    {
        // The catalogue still holds a's old version (no references); the edited a is the one that closes the loop.
        var catalog = Catalog(("a", Vips()), ("b", Referencing("c")), ("c", Referencing("a")));

        var result = await Audiences.ValidateConditionAsync("""{ "kind": "audience", "audience": "b" }""", catalog, key: "a");

        ValidationAssert.Single(result, C0 + ".audience", "audience-cycle", "Audience references form a cycle: a → b → c → a.");
    }

    [Fact]
    public async Task Validate_TwoStepCycle_ListsAToBToA()
    {
        var result = await Audiences.ValidateConditionAsync("""{ "kind": "audience", "audience": "b", "mode": "membership" }""",
            Catalog(("b", Referencing("a"))), key: "a");

        ValidationAssert.Single(result, C0 + ".audience", "audience-cycle", "Audience references form a cycle: a → b → a.");
    }

    [Fact]
    public async Task Validate_CycleInsideCatalogue_ReportsCycleReachedFromHere()
    {
        var catalog = Catalog(("b", Referencing("c")), ("c", Referencing("d")), ("d", Referencing("c")));

        var result = await Audiences.ValidateConditionAsync("""{ "kind": "audience", "audience": "b" }""", catalog, key: null);

        ValidationAssert.Single(result, C0 + ".audience", "audience-cycle", "Audience references form a cycle: this audience → b → c → d → c.");
    }

    [Fact]
    public async Task Validate_DiamondOfReferences_IsNotACycle()
    {
        var catalog = Catalog(("b", Referencing("d")), ("c", Referencing("d")), ("d", Vips()));

        var result = await Audiences.ValidateConditionAsync("""{ "kind": "audience", "audience": "b" }, { "kind": "audience", "audience": "c" }""", catalog, key: "a");

        ValidationAssert.Valid(result);
    }

    [Fact]
    public async Task Validate_ReferenceToEntityTargetAudience_ReportsAudienceTargetMismatch()
    {
        var cards = Audiences.Parse("""
            { "target": { "type": "entity", "entity": "credit_card" },
              "groups": [ { "conditions": [ { "kind": "entity", "entity": "account", "conditions": [ { "entity": "credit_card" } ] } ] } ] }
            """);

        var result = await Audiences.ValidateConditionAsync("""{ "kind": "audience", "audience": "cards" }""", Catalog(("cards", cards)));

        ValidationAssert.Single(result, C0 + ".audience", "audience-target-mismatch",
            "Audience 'cards' targets entities ('credit_card'); only audiences of profiles can be referenced.");
    }
}
