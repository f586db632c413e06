using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Tests.Validation;

/// <summary>The graph's own structure; <see cref="GraphWarehouseRulesTests"/> covers the checks against introspection.</summary>
public sealed class DataGraphValidatorTests
{
    private static DataGraph Graph(string json) => LinkedAudiencesJson.ParseGraph(json);

    private static DataGraph WithEntities(params EntityDefinition[] entities) => DemoGraph.Graph with { Entities = [.. DemoGraph.Graph.Entities, .. entities] };

    private static DataGraph WithRelationships(params Relationship[] relationships) =>
        DemoGraph.Graph with { Relationships = [.. DemoGraph.Graph.Relationships, .. relationships] };

    private static DataGraph WithTraits(string? traitsColumn, params TraitDefinition[] traits) =>
        DemoGraph.Graph with { Profile = DemoGraph.Graph.Profile with { TraitsColumn = traitsColumn, Traits = [.. DemoGraph.Graph.Profile.Traits, .. traits] } };

    [Fact]
    public void Validate_DemoGraph_IsValid()
    {
        ValidationAssert.Valid(DataGraphValidator.Validate(DemoGraph.Graph));
    }

    [Fact]
    public void Validate_DuplicateEntityName_ReportsSecondOccurrence()
    {
        var result = DataGraphValidator.Validate(WithEntities(new EntityDefinition { Name = "pet", Table = "animals", PrimaryKey = "id" }));

        ValidationAssert.Single(result, "$.entities[9].name", "duplicate-name", "The entity name 'pet' is used more than once; entity names must be unique.");
    }

    [Fact]
    public void Validate_DuplicateRelationshipName_ReportsDuplicateName()
    {
        var result = DataGraphValidator.Validate(WithRelationships(new Relationship
        {
            Name = "household_pets", From = "household", To = "pet", Join = new() { FromColumn = "household_id", ToColumn = "household_id" },
        }));

        ValidationAssert.Single(result, "$.relationships[9].name", "duplicate-name", "The relationship name 'household_pets' is used more than once; relationship names must be unique.");
    }

    [Fact]
    public void Validate_DuplicateTraitAndColumnNames_ReportsBoth()
    {
        var graph = WithTraits("traits", new TraitDefinition { Name = "email", Type = DataType.String, Column = "email2" }) with
        {
            Entities = [DemoGraph.Graph.Entities[0] with { Columns = [.. DemoGraph.Graph.Entities[0].Columns, new ColumnDefinition { Name = "plan", Type = DataType.String }] }],
            Relationships = [DemoGraph.Graph.Relationships[0]],
        };

        var result = DataGraphValidator.Validate(graph);

        Assert.Equal(
            [
                new ValidationError("$.profile.traits[16].name", "duplicate-name", "The trait name 'email' is used more than once; trait names must be unique."),
                new ValidationError("$.entities[0].columns[7].name", "duplicate-name",
                    "The column name 'plan' is used more than once in entity 'account'; column names must be unique."),
            ],
            result.Errors);
    }

    [Fact]
    public void Validate_RelationshipFromUnknownEntity_ReportsUnknownEntity()
    {
        var result = DataGraphValidator.Validate(WithRelationships(new Relationship
        {
            Name = "boat_pets", From = "boat", To = "pet", Join = new() { FromColumn = "id", ToColumn = "boat_id" },
        }));

        ValidationAssert.Single(result, "$.relationships[9].from", "unknown-entity",
            "Relationship 'boat_pets' starts at 'boat', which is neither 'profile' nor an entity of the data graph.");
    }

    [Fact]
    public void Validate_RelationshipToProfile_ReportsUnknownEntity()
    {
        var result = DataGraphValidator.Validate(WithRelationships(new Relationship
        {
            Name = "account_owner", From = "account", To = "profile", Join = new() { FromColumn = "profile_id", ToColumn = "profile_id" },
        }));

        ValidationAssert.Single(result, "$.relationships[9].to", "unknown-entity", "Relationship 'account_owner' leads to 'profile', which is not an entity of the data graph.");
    }

    [Fact]
    public void Validate_RelationshipWithJoinAndJunction_ReportsRelationshipLink()
    {
        var result = DataGraphValidator.Validate(WithRelationships(new Relationship
        {
            Name = "both",
            From = "account",
            To = "order",
            Join = new() { FromColumn = "account_id", ToColumn = "account_id" },
            Junction = new() { Table = "account_orders", FromColumn = "account_id", ToColumn = "order_id" },
        }));

        ValidationAssert.Single(result, "$.relationships[9]", "relationship-link",
            "Relationship 'both' must have exactly one of 'join' (matching columns) or 'junction' (a link table).");
    }

    [Fact]
    public void Validate_RelationshipWithNeitherJoinNorJunction_ReportsRelationshipLink()
    {
        var result = DataGraphValidator.Validate(WithRelationships(new Relationship { Name = "neither", From = "account", To = "order" }));

        ValidationAssert.Single(result, "$.relationships[9]", "relationship-link",
            "Relationship 'neither' must have exactly one of 'join' (matching columns) or 'junction' (a link table).");
    }

    [Fact]
    public void Validate_TraitWithColumnAndPath_ReportsTraitSource()
    {
        var result = DataGraphValidator.Validate(WithTraits("traits", new TraitDefinition { Name = "nick", Type = DataType.String, Column = "nick", Path = "nick" }));

        ValidationAssert.Single(result, "$.profile.traits[16]", "trait-source",
            "Trait 'nick' must have exactly one of 'column' (a column of the profiles table) or 'path' (a path in the traits column).");
    }

    [Fact]
    public void Validate_TraitWithNeitherColumnNorPath_ReportsTraitSource()
    {
        var result = DataGraphValidator.Validate(WithTraits("traits", new TraitDefinition { Name = "nick", Type = DataType.String }));

        Assert.Equal("trait-source", Assert.Single(result.Errors).Rule);
    }

    [Fact]
    public void Validate_PathTraitWithoutTraitsColumn_ReportsMissingTraitsColumn()
    {
        var graph = Graph("""
            { "profile": { "table": "profiles", "idColumn": "profile_id", "traits": [ { "name": "city", "type": "STRING", "path": "address.city" } ] } }
            """);

        var result = DataGraphValidator.Validate(graph);

        ValidationAssert.Single(result, "$.profile.traits[0].path", "missing-traits-column",
            "Trait 'city' reads the nested path 'address.city', but the profile source has no JSON traits column ('traitsColumn').");
    }

    [Fact]
    public void Validate_PathWithEmptySegment_ReportsInvalidTraitPath()
    {
        var result = DataGraphValidator.Validate(WithTraits("traits", new TraitDefinition { Name = "zip", Type = DataType.String, Path = "address..zip" }));

        ValidationAssert.Single(result, "$.profile.traits[16].path", "invalid-trait-path",
            "Trait 'zip' has the path 'address..zip'; a path is keys separated by single dots, none of them empty (e.g. \"address.city\").");
    }

    [Fact]
    public void Validate_EmptyNames_ReportsEmptyName()
    {
        var graph = Graph("""
            { "profile": { "table": "", "idColumn": "id" },
              "entities": [ { "name": " ", "table": "t", "primaryKey": "" } ] }
            """);

        var result = DataGraphValidator.Validate(graph);

        Assert.Equal(
            [
                new ValidationError("$.profile.table", "empty-name", "The profile source needs a table ('table')."),
                new ValidationError("$.entities[0].name", "empty-name", "The entity name cannot be empty."),
                new ValidationError("$.entities[0].primaryKey", "empty-name", "Entity ' ' needs a primary key column ('primaryKey')."),
            ],
            result.Errors);
    }

    [Fact]
    public void Validate_EntityNamedProfile_ReportsReservedName()
    {
        var result = DataGraphValidator.Validate(WithEntities(new EntityDefinition { Name = "profile", Table = "people", PrimaryKey = "id" }));

        ValidationAssert.Single(result, "$.entities[9].name", "reserved-name", "'profile' is reserved for the profile side of relationships and cannot name an entity.");
    }

    [Fact]
    public void Validate_ContextKeysWithoutContextColumn_ReportsMissingContextColumn()
    {
        var graph = DemoGraph.Graph with { Events = DemoGraph.Graph.Events! with { ContextColumn = null } };

        var result = DataGraphValidator.Validate(graph);

        ValidationAssert.Single(result, "$.events.contextColumn", "missing-context-column",
            "The event source declares context keys but has no JSON context column ('contextColumn').");
    }

    [Fact]
    public void Validate_EventPropertyWithContextPrefix_ReportsReservedName()
    {
        var graph = DemoGraph.Graph with
        {
            Events = DemoGraph.Graph.Events! with { Properties = [new EventPropertyDefinition { Name = "context.locale", Type = DataType.String }] },
        };

        var result = DataGraphValidator.Validate(graph);

        ValidationAssert.Single(result, "$.events.properties[0].name", "reserved-name",
            "The event property name 'context.locale' cannot start with 'context.': filters use that prefix for context keys.");
    }

    [Fact]
    public void Validate_UnsupportedSchemaVersion_ReportsIt()
    {
        var result = DataGraphValidator.Validate(DemoGraph.Graph with { SchemaVersion = 2 });

        ValidationAssert.Single(result, "$.schemaVersion", "unsupported-schema-version",
            "Schema version 2 is not supported; this version of Linked Audiences reads data graphs of schema version 1.");
    }

    [Fact]
    public void Validate_NullListsAndItems_ReportsInsteadOfThrowing()
    {
        var graph = Graph("""
            { "profile": null, "entities": [ null, { "name": "a", "table": "a", "primaryKey": "id", "columns": null } ], "relationships": null }
            """);

        var result = DataGraphValidator.Validate(graph);

        Assert.Equal(
            [
                new ValidationError("$.profile", "missing-value", "The data graph needs a profile source ('profile')."),
                new ValidationError("$.entities[0]", "missing-value", "An entity cannot be null."),
            ],
            result.Errors);
    }
}
