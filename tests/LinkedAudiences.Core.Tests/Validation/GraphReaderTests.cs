using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Tests.Validation;

public sealed class GraphReaderTests
{
    [Fact]
    public void Read_DemoGraph_ReturnsEveryEntity()
    {
        var result = GraphReader.Read(DemoGraph.Json);

        Assert.True(result.IsValid, result.Validation.ToString());
        Assert.Equal(9, result.Value.Entities.Count);
        Assert.Equal(9, result.Value.Relationships.Count);
    }

    [Fact]
    public void Read_LowerCaseOrUnknownDataType_ListsTheUpperCaseTypes()
    {
        var result = GraphReader.Read("""{ "profile": { "table": "p", "idColumn": "id", "traits": [ { "name": "x", "type": "INTEGER", "column": "x" } ] } }""");

        ValidationAssert.Single(result.Validation, "$.profile.traits[0].type", "invalid-json",
            "'type' must be one of: NUMBER, STRING, BOOLEAN, DATE, TIME, TIMESTAMP; found \"INTEGER\".");
    }

    [Fact]
    public void Read_MissingProfileMembers_ListsThem()
    {
        var result = GraphReader.Read("""{ "profile": { "traits": [] } }""");

        ValidationAssert.Single(result.Validation, "$.profile", "invalid-json", "Required fields 'table', 'idColumn' are missing from the profile source.");
    }

    [Fact]
    public void Read_UnknownMemberWithSpaceInName_ReportsQuotedPath()
    {
        var result = GraphReader.Read("""{ "profile": { "table": "p", "idColumn": "id", "id column": "x" } }""");

        ValidationAssert.Single(result.Validation, "$.profile['id column']", "invalid-json",
            "'id column' is not a field of the profile source; allowed fields: schema, table, idColumn, traitsColumn, traits.");
    }

    [Fact]
    public void Read_UnsupportedSchemaVersion_ReportsIt()
    {
        var result = GraphReader.Read("""{ "schemaVersion": 7, "profile": { "table": "p", "idColumn": "id" } }""");

        ValidationAssert.Single(result.Validation, "$.schemaVersion", "unsupported-schema-version",
            "Schema version 7 is not supported; this version of Linked Audiences reads data graphs of schema version 1.");
    }
}
