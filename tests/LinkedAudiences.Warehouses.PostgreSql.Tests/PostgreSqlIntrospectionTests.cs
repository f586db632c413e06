using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Warehouses.PostgreSql.Tests.Support;
using LinkedAudiences.Warehouses.Tests.Support;

namespace LinkedAudiences.Warehouses.PostgreSql.Tests;

public sealed class PostgreSqlIntrospectionTests(PostgresSchemaFixture db) : IClassFixture<PostgresSchemaFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        // Each demo table, empty: introspection only needs the columns.
        foreach (var table in DemoWarehouseSchema.All)
        {
            await db.Warehouse.LoadAsync(table, [], CancellationToken.None);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task DescribeTables_DemoTables_InTheDefaultSchemaWithColumnsMapped()
    {
        var tables = await db.Warehouse.DescribeTablesAsync(CancellationToken.None);

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
    public async Task DescribeTables_DemoProfiles_NativeTypesAsPostgreSqlFormatsThem()
    {
        var tables = await db.Warehouse.DescribeTablesAsync(CancellationToken.None);
        var profiles = Assert.Single(tables, t => t.Name == "profiles" && t.Schema is null);

        Assert.Equal(
            ["text", "text", "text", "text", "text", "numeric(18,2)", "numeric(18,2)", "date", "timestamp without time zone", "boolean",
             "time without time zone", "jsonb"],
            profiles.Columns.Select(c => c.NativeType));
    }

    [Fact]
    public async Task DescribeTables_NoSchemaConfigured_TablesOfOtherSchemasQualified()
    {
        await using var plain = await PostgreSqlWarehouse.OpenAsync(PostgresTestServer.ConnectionString, TestDialect.Postgres, null, CancellationToken.None);

        var tables = await plain.DescribeTablesAsync(CancellationToken.None);

        Assert.Null(plain.Schema);
        Assert.Contains(tables, t => t.Schema == db.Schema && t.Name == "profiles");
        Assert.DoesNotContain(tables, t => t.Schema is "pg_catalog" or "information_schema");
    }

    [Fact]
    public async Task DescribeTables_OtherSchemaAndOtherTypes_QualifiedAndMapped()
    {
        var other = db.Schema + "_crm";
        await db.Warehouse.ExecuteAsync(SqlQuery.Text($"""
            CREATE SCHEMA "{other}";
            CREATE TABLE "{other}".leads (id integer, score double precision, small smallint, name varchar(20), code char(3),
                                          seen timestamptz, payload json, tags text[], since interval, uid uuid, raw bytea);
            CREATE VIEW lead_names AS SELECT id, name FROM "{other}".leads;
            """), CancellationToken.None);
        try
        {
            var tables = await db.Warehouse.DescribeTablesAsync(CancellationToken.None);

            var leads = Assert.Single(tables, t => t.Schema == other && t.Name == "leads");
            Assert.Equal(
                [DataType.Number, DataType.Number, DataType.Number, DataType.String, DataType.String, DataType.Timestamp, null, null, null, null, null],
                leads.Columns.Select(c => c.Type));
            Assert.Equal([false, false, false, false, false, false, true, false, false, false, false], leads.Columns.Select(c => c.IsJson));
            Assert.Equal("character varying(20)", leads.FindColumn("name")!.NativeType);
            var view = Assert.Single(tables, t => t.Schema is null && t.Name == "lead_names");
            Assert.Equal(["id", "name"], view.Columns.Select(c => c.Name));
        }
        finally
        {
            await db.Warehouse.ExecuteAsync(SqlQuery.Text($"DROP SCHEMA \"{other}\" CASCADE; DROP VIEW IF EXISTS lead_names"), CancellationToken.None);
        }
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
