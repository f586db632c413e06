using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Warehouses.Tests.Support;

namespace LinkedAudiences.Warehouses.DuckDb.Tests;

public sealed class DuckDbIntrospectionTests(DemoDuckDbFixture demo) : IClassFixture<DemoDuckDbFixture>
{
    [Fact]
    public async Task DescribeTables_DemoWarehouse_EveryTableInTheDefaultSchemaWithItsColumnsInOrder()
    {
        var tables = await demo.Warehouse.DescribeTablesAsync(CancellationToken.None);

        foreach (var expected in DemoWarehouseSchema.All)
        {
            var table = Assert.Single(tables, t => t.Schema is null && t.Name == expected.Name);
            Assert.Equal(expected.Columns.Select(c => c.Name), table.Columns.Select(c => c.Name));
            foreach (var column in expected.Columns)
            {
                var described = table.FindColumn(column.Name)!;
                Assert.Equal((ExpectedType(column.Type), column.Type == WarehouseColumnType.Json), (described.Type, described.IsJson));
            }
        }
    }

    [Fact]
    public async Task DescribeTables_DemoProfiles_NativeTypesAsDuckDbNamesThem()
    {
        var tables = await demo.Warehouse.DescribeTablesAsync(CancellationToken.None);
        var profiles = Assert.Single(tables, t => t.Name == "profiles" && t.Schema is null);

        Assert.Equal(
            ["VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DECIMAL(18,2)", "DECIMAL(18,2)", "DATE", "TIMESTAMP", "BOOLEAN", "TIME", "JSON"],
            profiles.Columns.Select(c => c.NativeType));
    }

    [Fact]
    public async Task DescribeTables_OtherSchemaAndOtherTypes_QualifiedAndMapped()
    {
        await using var warehouse = await DuckDbWarehouse.OpenAsync(DuckDbWarehouse.InMemory, TestDialect.DuckDb, CancellationToken.None);
        await warehouse.ExecuteAsync(SqlQuery.Text("""
            CREATE SCHEMA crm;
            CREATE TABLE crm.leads (id INTEGER, score DOUBLE, big HUGEINT, tiny TINYINT, seen_at TIMESTAMPTZ, at_ms TIMESTAMP_MS,
                                    tags VARCHAR[], payload BLOB, since INTERVAL, kind ENUM('a', 'b'), uid UUID);
            CREATE VIEW lead_scores AS SELECT id, score FROM crm.leads;
            """), CancellationToken.None);

        var tables = await warehouse.DescribeTablesAsync(CancellationToken.None);

        var leads = Assert.Single(tables, t => t.Schema == "crm" && t.Name == "leads");
        Assert.Equal(
            [DataType.Number, DataType.Number, DataType.Number, DataType.Number, DataType.Timestamp, DataType.Timestamp, null, null, null, DataType.String, null],
            leads.Columns.Select(c => c.Type));
        Assert.All(leads.Columns, c => Assert.False(c.IsJson));
        var view = Assert.Single(tables, t => t.Schema is null && t.Name == "lead_scores");
        Assert.Equal(["id", "score"], view.Columns.Select(c => c.Name));
    }

    private static DataType? ExpectedType(WarehouseColumnType type) => type switch
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
