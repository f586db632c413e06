using System.Text.Json;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Warehouses.Tests.Support;

namespace LinkedAudiences.Warehouses.DuckDb.Tests.Demo;

public sealed class DemoWarehouseGeneratorTests
{
    private static readonly DemoWarehouseOptions Small = new() { Profiles = 500 };

    [Fact]
    public void Generate_SameSeedTwice_SameRows()
    {
        Assert.Equal(Fingerprint(Small), Fingerprint(Small));
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentRowsInEveryTable()
    {
        var a = TableHashes(Small);
        var b = TableHashes(Small with { Seed = 7 });

        Assert.All(a.Keys, name => Assert.NotEqual(a[name], b[name]));
    }

    [Fact]
    public void Generate_TablesReadInReverseOrder_SameRowsAsInOrder()
    {
        var forward = TableHashes(Small);
        var backward = DemoWarehouseGenerator.Generate(Small).Reverse()
            .ToDictionary(t => t.Schema.Name, t => RowHashing.OrderedHash(t.Rows, t.Schema));

        Assert.Equal(forward.OrderBy(p => p.Key), backward.OrderBy(p => p.Key));
    }

    [Fact]
    public void Rows_EnumeratedTwice_SameRows()
    {
        var events = DemoWarehouseGenerator.Table(Small, "events")!;

        Assert.Equal(RowHashing.OrderedHash(events.Rows, events.Schema), RowHashing.OrderedHash(events.Rows, events.Schema));
    }

    [Fact]
    public void Generate_MoreProfiles_FirstProfilesUnchanged()
    {
        // Profiles and their own rows depend on their index only, so a bigger world extends a smaller one.
        var small = DemoWarehouseGenerator.Table(Small, "profiles")!;
        var big = DemoWarehouseGenerator.Table(Small with { Profiles = 800 }, "profiles")!;

        Assert.Equal(RowHashing.OrderedHash(small.Rows, small.Schema), RowHashing.OrderedHash(big.Rows.Take(500), big.Schema));
    }

    [Fact]
    public void Generate_Always_TheTwelveDemoTablesInSchemaOrder()
    {
        var names = DemoWarehouseGenerator.Generate(Small).Select(t => t.Schema.Name);

        Assert.Equal(
            ["profiles", "accounts", "households", "household_members", "pets", "credit_cards", "subscriptions", "transactions",
             "orders", "sales", "wishlist_items", "events"],
            names);
        Assert.Equal(DemoWarehouseSchema.All, DemoWarehouseGenerator.Generate(Small).Select(t => t.Schema));
    }

    [Fact]
    public void Rows_EveryValue_HasTheClrTypeOfItsColumn()
    {
        foreach (var table in DemoWarehouseGenerator.Generate(Small))
        {
            foreach (var row in table.Rows)
            {
                Assert.Equal(table.Schema.Columns.Count, row.Length);
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is { } value)
                    {
                        Assert.True(Matches(table.Schema.Columns[i].Type, value), $"{table.Schema.Name}.{table.Schema.Columns[i].Name}: {value.GetType().Name} {value}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Profiles_Generated_CountAndIdsAsRequested()
    {
        var ids = DemoWarehouseGenerator.Table(Small, "profiles")!.Rows.Select(r => (string)r[0]!).ToList();

        Assert.Equal(500, ids.Count);
        Assert.Equal("u0000001", ids[0]);
        Assert.Equal("u0000500", ids[^1]);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Generate_TwoThousandProfiles_AboutTwentyFiveRowsPerProfile()
    {
        var options = new DemoWarehouseOptions { Profiles = 2_000 };

        var total = DemoWarehouseGenerator.Generate(options).Sum(t => (long)t.Rows.Count());

        Assert.InRange(total / 2_000.0, 20, 30);
    }

    [Fact]
    public void Generate_TenMillionProfiles_FirstRowsOfEveryTableStreamWithoutMaterializing()
    {
        var huge = new DemoWarehouseOptions { Profiles = 10_000_000 };
        var before = GC.GetAllocatedBytesForCurrentThread();

        var firstRows = DemoWarehouseGenerator.Generate(huge).Sum(t => t.Rows.Take(1_000).Count());

        Assert.Equal(12_000, firstRows);
        // 10M profiles would be gigabytes; a few thousand rows are a few megabytes.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64L * 1024 * 1024);
    }

    [Fact]
    public void Timestamps_AllTables_WithinTwoYearsBeforeTheAnchor()
    {
        var anchor = DemoDuckDbFixture.AsOf;
        foreach (var table in DemoWarehouseGenerator.Generate(Small))
        {
            var columns = table.Schema.Columns.Select((c, i) => (c, i)).Where(x => x.c.Type == WarehouseColumnType.Timestamp).Select(x => x.i).ToArray();
            foreach (var row in table.Rows)
            {
                foreach (var i in columns)
                {
                    var ts = (DateTime)row[i]!;
                    Assert.Equal(DateTimeKind.Unspecified, ts.Kind);
                    Assert.InRange(ts, anchor.AddDays(-730), anchor.AddSeconds(-1));
                }
            }
        }
    }

    [Fact]
    public void Anchor_Moved_TimestampsMoveWithIt()
    {
        var moved = Small with { Anchor = DemoWarehouseOptions.DefaultAnchor.AddDays(10) };

        var original = (DateTime)DemoWarehouseGenerator.Table(Small, "transactions")!.Rows.First()[5]!;
        var shifted = (DateTime)DemoWarehouseGenerator.Table(moved, "transactions")!.Rows.First()[5]!;

        Assert.Equal(original.AddDays(10), shifted);
    }

    [Fact]
    public void Generate_NegativeProfiles_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoWarehouseGenerator.Generate(new DemoWarehouseOptions { Profiles = -1 }));
    }

    [Fact]
    public void Generate_ZeroProfiles_EveryTableEmpty()
    {
        Assert.All(DemoWarehouseGenerator.Generate(new DemoWarehouseOptions { Profiles = 0 }), t => Assert.Empty(t.Rows));
    }

    [Fact]
    public void Table_UnknownName_Null()
    {
        Assert.Null(DemoWarehouseGenerator.Table(Small, "Profiles"));
    }

    private static bool Matches(WarehouseColumnType type, object value) => type switch
    {
        WarehouseColumnType.BigInt => value is long,
        WarehouseColumnType.Decimal => value is decimal d && d.Scale == 2,
        WarehouseColumnType.Varchar => value is string,
        WarehouseColumnType.Boolean => value is bool,
        WarehouseColumnType.Date => value is DateOnly,
        WarehouseColumnType.Time => value is TimeOnly,
        WarehouseColumnType.Timestamp => value is DateTime { Kind: DateTimeKind.Unspecified, Millisecond: 0 },
        WarehouseColumnType.Json => value is string s && JsonDocument.Parse(s).RootElement.ValueKind == JsonValueKind.Object,
        _ => false,
    };

    private static string Fingerprint(DemoWarehouseOptions options) => string.Join(",", TableHashes(options).Select(p => p.Key + "=" + p.Value));

    private static Dictionary<string, string> TableHashes(DemoWarehouseOptions options) =>
        DemoWarehouseGenerator.Generate(options).ToDictionary(t => t.Schema.Name, t => RowHashing.OrderedHash(t.Rows, t.Schema));
}
