using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Warehouses.Tests.Support;

namespace LinkedAudiences.Warehouses.DuckDb.Tests;

public sealed class DuckDbWarehouseTests : IAsyncLifetime
{
    private static readonly TableSchema Sample = new(null, "sample",
    [
        new("id", WarehouseColumnType.BigInt), new("amount", WarehouseColumnType.Decimal), new("name", WarehouseColumnType.Varchar),
        new("flag", WarehouseColumnType.Boolean), new("day", WarehouseColumnType.Date), new("at_time", WarehouseColumnType.Time),
        new("at", WarehouseColumnType.Timestamp), new("doc", WarehouseColumnType.Json),
    ]);

    private static readonly object?[] SampleRow =
        [7L, 1234.50m, "Zoë \"quoted\"", true, new DateOnly(2026, 2, 28), new TimeOnly(23, 59, 58), new DateTime(2026, 10, 31, 23, 59, 59), """{"a":{"b":[1,2],"c":"São"}}"""];

    private DuckDbWarehouse _warehouse = null!;

    public async Task InitializeAsync() =>
        _warehouse = await DuckDbWarehouse.OpenAsync(DuckDbWarehouse.InMemory, TestDialect.DuckDb, CancellationToken.None);

    public async Task DisposeAsync() => await _warehouse.DisposeAsync();

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
        var row = await SingleRowAsync(new SqlQuery("SELECT $1", [new SqlParameter("value", value)]));

        Assert.Equal(value.GetType(), row[0]!.GetType());
        Assert.Equal(value, row[0]);
    }

    [Fact]
    public async Task QueryAsync_UtcDateTimeParameter_ComparedAsUtcWithoutZone()
    {
        var utc = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);

        var row = await SingleRowAsync(new SqlQuery("SELECT $1 = TIMESTAMP '2026-11-01 08:00:00', $1", [new SqlParameter("at", utc)]));

        Assert.Equal(true, row[0]);
        Assert.Equal(DateTimeKind.Unspecified, ((DateTime)row[1]!).Kind);
    }

    [Fact]
    public async Task QueryAsync_SeveralParameters_BoundByPosition()
    {
        var row = await SingleRowAsync(new SqlQuery("SELECT $2 || '-' || $1, $3 + 1",
            [new SqlParameter("z", "first"), new SqlParameter("a", "second"), new SqlParameter("n", 41L)]));

        Assert.Equal(["second-first", 42L], row);
    }

    [Fact]
    public async Task QueryAsync_NullParameter_IsNull()
    {
        var row = await SingleRowAsync(new SqlQuery("SELECT CAST($1 AS VARCHAR) IS NULL, CAST($1 AS VARCHAR)", [new SqlParameter("v", null)]));

        Assert.Equal([true, null], row);
    }

    [Fact]
    public async Task QueryAsync_OtherNumericTypes_ReturnedAsLongOrDecimal()
    {
        var row = await SingleRowAsync(SqlQuery.Text(
            "SELECT 5::INTEGER, 3::TINYINT, sum(x), avg(x), 2.5::DOUBLE, 1.25::FLOAT, 10::UBIGINT FROM (VALUES (1::BIGINT), (2::BIGINT)) t(x)"));

        Assert.Equal([5L, 3L, 3L, 1.5m, 2.5m, 1.25m, 10L], row);
    }

    [Fact]
    public async Task QueryAsync_TimestampWithTimeZone_ReturnedAsUtcWithoutZone()
    {
        var row = await SingleRowAsync(SqlQuery.Text("SELECT TIMESTAMPTZ '2026-11-01 10:00:00+02:00'"));

        Assert.Equal(new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Unspecified), row[0]);
        Assert.Equal(DateTimeKind.Unspecified, ((DateTime)row[0]!).Kind);
    }

    [Fact]
    public async Task LoadAsync_EveryColumnType_RoundTripsExactly()
    {
        await _warehouse.LoadAsync(Sample, [SampleRow, [8L, null, null, null, null, null, null, null]], CancellationToken.None);

        var rows = await RowsAsync(SqlQuery.Text("SELECT * FROM sample ORDER BY id"));

        Assert.Equal(2, rows.Count);
        Assert.Equal(SampleRow, rows[0]);
        Assert.Equal([8L, null, null, null, null, null, null, null], rows[1]);
    }

    [Fact]
    public async Task LoadAsync_JsonColumn_NestedKeyExtracted()
    {
        await _warehouse.LoadAsync(Sample, [SampleRow], CancellationToken.None);

        var row = await SingleRowAsync(SqlQuery.Text(
            "SELECT json_extract_string(doc, '$.a.c'), CAST(json_extract(doc, '$.a.b[1]') AS BIGINT), json_extract_string(doc, '$.a.missing') FROM sample"));

        Assert.Equal(["São", 2L, null], row);
    }

    [Fact]
    public async Task LoadAsync_TableExists_Replaced()
    {
        await _warehouse.LoadAsync(Sample, [SampleRow, SampleRow], CancellationToken.None);
        await _warehouse.LoadAsync(Sample, [SampleRow], CancellationToken.None);

        Assert.Equal([1L], await SingleRowAsync(SqlQuery.Text("SELECT count(*) FROM sample")));
    }

    [Fact]
    public async Task LoadAsync_TableWithSchema_CreatesSchemaAndQualifiedTable()
    {
        await _warehouse.LoadAsync(Sample with { Schema = "staging" }, [SampleRow], CancellationToken.None);

        var tables = await _warehouse.DescribeTablesAsync(CancellationToken.None);

        Assert.Contains(tables, t => t.Schema == "staging" && t.Name == "sample");
        Assert.Equal([7L], await SingleRowAsync(SqlQuery.Text("SELECT id FROM staging.sample")));
    }

    [Fact]
    public async Task LoadAsync_ValueOfWrongType_ThrowsNamingTheColumn()
    {
        object?[] bad = [1L, 2m, "x", "not a bool", null, null, null, null];

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _warehouse.LoadAsync(Sample, [bad], CancellationToken.None));

        Assert.Contains("sample.flag", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_RowOfWrongWidth_Throws()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _warehouse.LoadAsync(Sample, [[1L, 2m]], CancellationToken.None));

        Assert.Contains("2 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_Insert_ReturnsRowsAffected()
    {
        await _warehouse.LoadAsync(Sample, [], CancellationToken.None);

        var affected = await _warehouse.ExecuteAsync(new SqlQuery("INSERT INTO sample (id, name) SELECT range, $1 FROM range(3)", [new SqlParameter("n", "x")]), CancellationToken.None);

        Assert.Equal(3, affected);
    }

    [Fact]
    public async Task QueryAsync_StatementRunWhileReading_BothSucceed()
    {
        var seen = new List<long>();
        await foreach (var row in _warehouse.QueryAsync(SqlQuery.Text("SELECT range FROM range(3)"), CancellationToken.None))
        {
            seen.Add((long)row[0]!);
            await _warehouse.ExecuteAsync(SqlQuery.Text($"CREATE OR REPLACE TABLE seen_{row[0]} AS SELECT 1"), CancellationToken.None);
        }

        Assert.Equal([0L, 1L, 2L], seen);
        Assert.Equal([3L], await SingleRowAsync(SqlQuery.Text("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'seen_%'")));
    }

    [Fact]
    public async Task QueryAsync_Cancelled_StopsALongQuery()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in _warehouse.QueryAsync(SqlQuery.Text("SELECT count(*) FROM range(2000000000) a, range(1000) b WHERE a.range % 7 = b.range"), cts.Token))
            {
            }
        });
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task OpenAsync_FileDatabase_DataSurvivesReopening()
    {
        var path = Path.Combine(Path.GetTempPath(), $"la-duckdb-{Guid.NewGuid():N}.duckdb");
        try
        {
            await using (var first = await DuckDbWarehouse.OpenAsync(path, TestDialect.DuckDb, CancellationToken.None))
            {
                await first.LoadAsync(Sample, [SampleRow], CancellationToken.None);
            }

            await using var second = await DuckDbWarehouse.OpenAsync(path, TestDialect.DuckDb, CancellationToken.None);
            var rows = new List<object?[]>();
            await foreach (var row in second.QueryAsync(SqlQuery.Text("SELECT * FROM sample"), CancellationToken.None))
            {
                rows.Add(row);
            }

            Assert.Equal(SampleRow, Assert.Single(rows));
            Assert.Equal(path, second.Path);
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".wal");
        }
    }

    private async Task<object?[]> SingleRowAsync(SqlQuery query) => Assert.Single(await RowsAsync(query));

    private async Task<List<object?[]>> RowsAsync(SqlQuery query)
    {
        var rows = new List<object?[]>();
        await foreach (var row in _warehouse.QueryAsync(query, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }
}
