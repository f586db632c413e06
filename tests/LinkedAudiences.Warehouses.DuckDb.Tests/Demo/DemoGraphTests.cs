using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Warehouses.Tests.Support;

namespace LinkedAudiences.Warehouses.DuckDb.Tests.Demo;

public sealed class DemoGraphTests
{
    private const string ExamplePath = "docs/examples/demo.graph.json";

    [Fact]
    public void Graph_ComparedWithTheExampleFile_Equal()
    {
        var path = RepositoryFiles.PathOf(ExamplePath);
        var expected = LinkedAudiencesJson.Serialize(DemoGraph.Graph);
        // LA_UPDATE_BASELINES=1 rewrites the example after an intended change; review the diff.
        if (Environment.GetEnvironmentVariable("LA_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(path, expected + "\n");
        }

        var parsed = LinkedAudiencesJson.ParseGraph(File.ReadAllText(path));

        Assert.Equal(expected, LinkedAudiencesJson.Serialize(parsed));
    }

    [Fact]
    public void Graph_EveryEntityColumn_ExistsInItsTableWithAMatchingType()
    {
        var tables = DemoWarehouseSchema.All.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var entity in DemoGraph.Graph.Entities)
        {
            var table = tables[entity.Table];
            Assert.Contains(table.Columns, c => c.Name == entity.PrimaryKey);
            Assert.Equal(table.Columns.Select(c => (c.Name, GraphType(c.Type))), entity.Columns.Select(c => (c.Name, (DataType?)c.Type)));
        }
    }

    [Fact]
    public void Graph_ColumnTraits_ExistInProfilesWithAMatchingType()
    {
        var profiles = DemoWarehouseSchema.Profiles;
        foreach (var trait in DemoGraph.Graph.Profile.Traits.Where(t => t.Column is not null))
        {
            var column = Assert.Single(profiles.Columns, c => c.Name == trait.Column);
            Assert.Equal(trait.Type, GraphType(column.Type));
        }

        Assert.Equal(6, DemoGraph.Graph.Profile.Traits.Count(t => t.Path is not null));
    }

    [Fact]
    public void Graph_Relationships_JoinExistingColumns()
    {
        var graph = DemoGraph.Graph;
        var tables = DemoWarehouseSchema.All.ToDictionary(t => t.Name, StringComparer.Ordinal);
        string TableOf(string node) => node == DataGraph.ProfileNode ? graph.Profile.Table : graph.FindEntity(node)!.Table;
        bool Has(string table, string column) => tables[table].Columns.Any(c => c.Name == column);

        Assert.Equal(9, graph.Relationships.Count);
        foreach (var r in graph.Relationships)
        {
            if (r.Join is { } join)
            {
                Assert.True(Has(TableOf(r.From), join.FromColumn), r.Name);
                Assert.True(Has(TableOf(r.To), join.ToColumn), r.Name);
            }
            else
            {
                var junction = r.Junction!;
                Assert.True(Has(junction.Table, junction.FromColumn), r.Name);
                Assert.True(Has(junction.Table, junction.ToColumn), r.Name);
            }
        }
    }

    private static DataType? GraphType(WarehouseColumnType type) => type switch
    {
        WarehouseColumnType.BigInt or WarehouseColumnType.Decimal => DataType.Number,
        WarehouseColumnType.Varchar => DataType.String,
        WarehouseColumnType.Boolean => DataType.Boolean,
        WarehouseColumnType.Date => DataType.Date,
        WarehouseColumnType.Time => DataType.Time,
        WarehouseColumnType.Timestamp => DataType.Timestamp,
        _ => null,
    };
}
