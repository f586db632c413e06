using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Tests.Validation;

public sealed class AudienceValidatorTests
{
    [Fact]
    public async Task Validate_NoGroups_ReportsNoGroups()
    {
        var result = await Audiences.ValidateAsync("""{ "groups": [] }""");

        ValidationAssert.Single(result, "$.groups", "no-groups", "The audience has no condition groups; add at least one condition.");
    }

    [Fact]
    public async Task Validate_EmptyGroup_ReportsEmptyGroup()
    {
        var result = await Audiences.ValidateAsync("""
            { "groupOperator": "or", "groups": [ { "conditions": [ { "kind": "trait", "trait": "email" } ] }, { "conditions": [] } ] }
            """);

        ValidationAssert.Single(result, "$.groups[1].conditions", "empty-group", "This condition group has no conditions; add one or remove the group.");
    }

    [Fact]
    public async Task Validate_ProfileTargetNamingAnEntity_ReportsInvalidTarget()
    {
        var result = await Audiences.ValidateAsync("""
            { "target": { "type": "profile", "entity": "account" }, "groups": [ { "conditions": [ { "kind": "trait", "trait": "email" } ] } ] }
            """);

        ValidationAssert.Single(result, "$.target.entity", "invalid-target", "A profile target takes no entity; set 'type' to 'entity' to target 'account'.");
    }

    [Fact]
    public async Task Validate_UnsupportedSchemaVersion_ReportsIt()
    {
        var result = await Audiences.ValidateAsync("""{ "schemaVersion": 3, "groups": [ { "conditions": [ { "kind": "trait", "trait": "email" } ] } ] }""");

        ValidationAssert.Single(result, "$.schemaVersion", "unsupported-schema-version",
            "Schema version 3 is not supported; this version of Linked Audiences reads audience definitions of schema version 1.");
    }

    [Fact]
    public async Task Validate_NullsWhereTheModelExpectsValues_ReportsInsteadOfThrowing()
    {
        // System.Text.Json lets JSON null through into non-nullable members; validation must still answer.
        var definition = Audiences.Parse("""
            { "target": null, "groups": [ null, { "conditions": null }, { "conditions": [ null,
              { "kind": "entity", "entity": null, "conditions": null, "where": { "filters": null } },
              { "kind": "entity", "entity": "account", "conditions": [ null ], "where": { "filters": [ null ] } },
              { "kind": "trait", "trait": null }, { "kind": "audience", "audience": null } ] } ] }
            """);

        var result = await AudienceValidator.ValidateAsync(DemoGraph.Graph, definition, InMemoryAudienceCatalog.Empty, null, CancellationToken.None);

        Assert.Equal(
            [
                ("$.groups[0]", "missing-value"),
                ("$.groups[1].conditions", "empty-group"),
                ("$.groups[2].conditions[0]", "missing-value"),
                ("$.groups[2].conditions[1].entity", "unknown-entity"),
                ("$.groups[2].conditions[2].where.filters[0]", "missing-value"),
                ("$.groups[2].conditions[2].conditions[0]", "missing-value"),
                ("$.groups[2].conditions[3].trait", "unknown-trait"),
                ("$.groups[2].conditions[4].audience", "unknown-audience"),
            ],
            result.Errors.Select(e => (e.Path, e.Rule)));
    }

    [Fact]
    public async Task Validate_NullsInTheGraph_ReportsDefinitionErrorsInsteadOfThrowing()
    {
        var graph = DemoGraph.Graph with { Entities = null!, Relationships = null! };

        var result = await Audiences.ValidateConditionAsync("""{ "kind": "entity", "entity": "account" }""", graph: graph);

        ValidationAssert.Single(result, "$.groups[0].conditions[0].entity", "unknown-entity", "Entity 'account' does not exist in the data graph.");
    }

    [Fact]
    public async Task Validate_ErrorsInSeveralGroups_ReportsAllOfThem()
    {
        var result = await Audiences.ValidateAsync("""
            { "groups": [
              { "conditions": [ { "kind": "trait", "trait": "nope" } ] },
              { "conditions": [ { "kind": "entity", "entity": "account", "count": { "operator": "atLeast", "value": 0 } }, { "kind": "audience", "audience": "x" } ] } ] }
            """);

        Assert.Equal(
            ["$.groups[0].conditions[0].trait", "$.groups[1].conditions[0].count.value", "$.groups[1].conditions[1].audience"],
            result.Errors.Select(e => e.Path));
    }
}
