using System.Text.Json;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Tests.Validation;

/// <summary>The JSON Schemas under docs/schema describe the C# contracts exactly, so neither can drift.</summary>
public sealed class JsonSchemaTests
{
    private static JsonElement Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("docs", "schema", file))).RootElement.Clone();

    [Theory]
    [InlineData("data-graph.schema.json", typeof(DataGraph))]
    [InlineData("audience-definition.schema.json", typeof(AudienceDefinition))]
    public void Schema_ComparedWithModel_HasNoDifferences(string file, Type model)
    {
        var walker = new SchemaModelWalker(Load(file));

        walker.Walk(model);

        Assert.True(walker.Problems.Count == 0, string.Join(Environment.NewLine, walker.Problems));
    }

    [Theory]
    [InlineData("data-graph.schema.json", "urn:linked-audiences:schema:data-graph:1", DataGraph.CurrentSchemaVersion)]
    [InlineData("audience-definition.schema.json", "urn:linked-audiences:schema:audience-definition:1", AudienceDefinition.CurrentSchemaVersion)]
    public void Schema_Header_NamesDraftIdTitleAndVersion(string file, string id, int version)
    {
        var schema = Load(file);

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
        Assert.Equal(id, schema.GetProperty("$id").GetString());
        Assert.False(string.IsNullOrWhiteSpace(schema.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(schema.GetProperty("description").GetString()));
        Assert.Equal(version, schema.GetProperty("properties").GetProperty("schemaVersion").GetProperty("const").GetInt32());
    }

    [Fact]
    public void Walker_SchemaMissingAMember_ReportsIt()
    {
        // The drift check itself: a schema that forgot a member, added one, and misspelt an enum value.
        var schema = JsonDocument.Parse("""
            { "type": "object", "additionalProperties": false, "required": ["name", "type"],
              "properties": { "name": { "type": "string" }, "type": { "enum": ["NUMBER", "STRING", "BOOLEAN", "DATE", "TIME", "DATETIME"] }, "nick": { "type": "string" } },
              "$defs": {} }
            """).RootElement;
        var walker = new SchemaModelWalker(schema);

        walker.Walk(typeof(TraitDefinition));

        Assert.Equal(
            [
                "TraitDefinition: model member 'column' is not in the schema.",
                "TraitDefinition: model member 'path' is not in the schema.",
                "TraitDefinition: schema property 'nick' is not a model member.",
                "TraitDefinition.type: enum is [NUMBER, STRING, BOOLEAN, DATE, TIME, DATETIME] in the schema but [NUMBER, STRING, BOOLEAN, DATE, TIME, TIMESTAMP] in the model.",
            ],
            walker.Problems);
    }
}
