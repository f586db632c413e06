using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Warehouses.PostgreSql.Tests.Support;
using LinkedAudiences.Warehouses.Tests.Support;

namespace LinkedAudiences.Warehouses.PostgreSql.Tests;

public sealed class PostgreSqlWarehouseTests(PostgresSchemaFixture db) : IClassFixture<PostgresSchemaFixture>
{
    private static readonly TableSchema Sample = new(null, "sample",
    [
        new("id", WarehouseColumnType.BigInt), new("amount", WarehouseColumnType.Decimal), new("name", WarehouseColumnType.Varchar),
        new("flag", WarehouseColumnType.Boolean), new("day", WarehouseColumnType.Date), new("at_time", WarehouseColumnType.Time),
        new("at", WarehouseColumnType.Timestamp), new("doc", WarehouseColumnType.Json),
    ]);

    private static readonly object?[] SampleRow =
        [7L, 1234.50m, "Zoë \"quoted\"", true, new DateOnly(2026, 2, 28), new TimeOnly(23, 59, 58), new DateTime(2026, 10, 31, 23, 59, 59), """{"a":{"b":[1,2],"c":"São"}}"""];

    public static TheoryData<object> ParameterValues() => new()
    {
        12.34m, -0.01m, 79228162514264337593543950.335m, 42L, long.MinValue, "text", "", "Łódź ✓", true, false,
        new DateOnly(2026, 11, 1), new DateOnly(1, 1, 1), new TimeOnly(0, 0, 0), new TimeOnly(23, 59, 59, 999),
        new DateTime(2026, 11, 1, 12, 30, 15, 123),
    };

    [Theory]
    [MemberData(nameof(ParameterValues))]
    public async Task QueryAsync_ParameterSelectedBack_SameValueAndClrType(object value)
    {
        var row = Assert.Single(await db.RowsAsync("SELECT $1", value));

        Assert.Equal(value.GetType(), row[0]!.GetType());
        Assert.Equal(value, row[0]);
    }

    [Fact]
    public async Task QueryAsync_TimestampParameter_BoundWithoutTimeZone()
    {
        var utc = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);

        var row = Assert.Single(await db.RowsAsync("SELECT pg_typeof($1)::text, $1 = TIMESTAMP '2026-11-01 08:00:00'", utc));

        Assert.Equal(["timestamp without time zone", true], row);
    }

    [Fact]
    public async Task QueryAsync_TypesOfBoundParameters_AsPostgreSqlSeesThem()
    {
        var row = Assert.Single(await db.RowsAsync(
            "SELECT pg_typeof($1)::text, pg_typeof($2)::text, pg_typeof($3)::text, pg_typeof($4)::text, pg_typeof($5)::text, pg_typeof($6)::text",
            1.5m, 2L, "s", true, new DateOnly(2026, 1, 1), new TimeOnly(1, 2, 3)));

        Assert.Equal(["numeric", "bigint", "text", "boolean", "date", "time without time zone"], row);
    }

    [Fact]
    public async Task QueryAsync_SeveralParameters_BoundByPosition()
    {
        var row = Assert.Single(await db.RowsAsync("SELECT $2 || '-' || $1, $3 + 1", "first", "second", 41L));

        Assert.Equal(["second-first", 42L], row);
    }

    [Fact]
    public async Task QueryAsync_NullParameter_IsNull()
    {
        var row = Assert.Single(await db.RowsAsync("SELECT CAST($1 AS text) IS NULL, CAST($1 AS text)", [null]));

        Assert.Equal([true, null], row);
    }

    [Fact]
    public async Task QueryAsync_OtherNumericTypes_ReturnedAsLongOrDecimal()
    {
        var row = Assert.Single(await db.RowsAsync(
            "SELECT 5::integer, 3::smallint, sum(x), avg(x), 2.5::float8, 1.25::float4 FROM (VALUES (1::bigint), (2::bigint)) t(x)"));

        Assert.Equal([5L, 3L, 3m, 1.5m, 2.5m, 1.25m], row);
    }

    [Fact]
    public async Task QueryAsync_TimestampWithTimeZone_ReturnedAsUtcWithoutZone()
    {
        var row = Assert.Single(await db.RowsAsync("SELECT TIMESTAMPTZ '2026-11-01 10:00:00+02:00'"));

        Assert.Equal(new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Unspecified), row[0]);
        Assert.Equal(DateTimeKind.Unspecified, ((DateTime)row[0]!).Kind);
    }

    [Fact]
    public async Task LoadAsync_EveryColumnType_RoundTripsExactly()
    {
        await db.Warehouse.LoadAsync(Sample with { Name = "round_trip" }, [SampleRow, [8L, null, null, null, null, null, null, null]], CancellationToken.None);

        var rows = await db.RowsAsync("SELECT * FROM round_trip ORDER BY id");

        Assert.Equal(2, rows.Count);
        Assert.Equal(SampleRow[..7], rows[0][..7]);
        Assert.Equal(RowHashing.CanonicalJson((string)SampleRow[7]!), RowHashing.CanonicalJson((string)rows[0][7]!));
        Assert.Equal([8L, null, null, null, null, null, null, null], rows[1]);
    }

    [Fact]
    public async Task LoadAsync_JsonColumn_NestedKeyExtracted()
    {
        await db.Warehouse.LoadAsync(Sample with { Name = "json_paths" }, [SampleRow], CancellationToken.None);

        var row = Assert.Single(await db.RowsAsync(
            "SELECT doc #>> '{a,c}', (doc #>> '{a,b,1}')::bigint, doc #>> '{a,missing}', jsonb_typeof(doc -> 'a') FROM json_paths"));

        Assert.Equal(["São", 2L, null, "object"], row);
    }

    [Fact]
    public async Task LoadAsync_TableExists_Replaced()
    {
        var table = Sample with { Name = "replaced" };
        await db.Warehouse.LoadAsync(table, [SampleRow, SampleRow], CancellationToken.None);
        await db.Warehouse.LoadAsync(table, [SampleRow], CancellationToken.None);

        Assert.Equal([1L], Assert.Single(await db.RowsAsync("SELECT count(*) FROM replaced")));
    }

    [Fact]
    public async Task LoadAsync_NoSchema_TableCreatedInTheConfiguredSchema()
    {
        await db.Warehouse.LoadAsync(Sample with { Name = "placed" }, [SampleRow], CancellationToken.None);

        var row = Assert.Single(await db.RowsAsync("SELECT table_schema FROM information_schema.tables WHERE table_name = 'placed'"));

        Assert.Equal(db.Schema, row[0]);
    }

    [Fact]
    public async Task LoadAsync_ConcurrentLoadsIntoANewSchema_AllSucceed()
    {
        var schema = db.Schema + "_new";
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
                db.Warehouse.LoadAsync(Sample with { Schema = schema, Name = "t" + i }, [SampleRow], CancellationToken.None)));

            var tables = await db.Warehouse.DescribeTablesAsync(CancellationToken.None);
            Assert.Equal(["t0", "t1", "t2", "t3"], tables.Where(t => t.Schema == schema).Select(t => t.Name).Order(StringComparer.Ordinal));
        }
        finally
        {
            await db.Warehouse.ExecuteAsync(SqlQuery.Text($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE"), CancellationToken.None);
        }
    }

    [Fact]
    public async Task LoadAsync_ValueOfWrongType_ThrowsAndKeepsThePreviousTable()
    {
        var table = Sample with { Name = "kept" };
        await db.Warehouse.LoadAsync(table, [SampleRow], CancellationToken.None);
        object?[] bad = [1L, 2m, "x", "not a bool", null, null, null, null];

        var error = await Assert.ThrowsAsync<ArgumentException>(() => db.Warehouse.LoadAsync(table, [SampleRow, bad], CancellationToken.None));

        Assert.Contains("kept.flag", error.Message, StringComparison.Ordinal);
        Assert.Equal([1L], Assert.Single(await db.RowsAsync("SELECT count(*) FROM kept")));
    }

    [Fact]
    public async Task LoadAsync_RowOfWrongWidth_Throws()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => db.Warehouse.LoadAsync(Sample with { Name = "narrow" }, [[1L, 2m]], CancellationToken.None));

        Assert.Contains("2 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_Insert_ReturnsRowsAffected()
    {
        await db.Warehouse.LoadAsync(Sample with { Name = "inserted" }, [], CancellationToken.None);

        var affected = await db.Warehouse.ExecuteAsync(
            new SqlQuery("INSERT INTO inserted (id, name) SELECT g, $1 FROM generate_series(1, 3) g", [new SqlParameter("n", "x")]), CancellationToken.None);

        Assert.Equal(3, affected);
    }

    [Fact]
    public async Task QueryAsync_Cancelled_StopsALongQuery()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in db.Warehouse.QueryAsync(SqlQuery.Text("SELECT pg_sleep(30)"), cts.Token))
            {
            }
        });
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void ConnectionString_VariableMissing_FailsNamingTheStartScript()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PostgresTestServer.Require(null));

        Assert.Contains("scripts/start-postgres.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains("LA_TEST_POSTGRES", error.Message, StringComparison.Ordinal);
    }
}
