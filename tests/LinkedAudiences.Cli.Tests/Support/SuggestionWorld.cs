using System.Globalization;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Warehouses.DuckDb;

namespace LinkedAudiences.Cli.Tests.Support;

/// <summary>
/// A small warehouse made to overflow the suggestion bounds with known answers: 700 distinct tag labels (more than the
/// 500 an entity column lists), 100 trait values and 80 event property values with distinct frequencies (more than the
/// top 65). Value <c>n</c> of a top list occurs n + 1 times, so the expected order is unambiguous.
/// </summary>
public sealed class SuggestionWorld : IAsyncLifetime
{
    public const int Labels = 700;
    public const int Colors = 100;
    public const int Skus = 80;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "la-cli-suggest-" + Guid.NewGuid().ToString("N")[..12]);

    public string Graph => Path.Combine(_folder, "suggest.graph.json");

    public string Warehouse => "duckdb:" + Path.Combine(_folder, "suggest.duckdb");

    public static string Label(int i) => "L" + i.ToString("D4", CultureInfo.InvariantCulture);

    public static string Color(int i) => "color-" + i.ToString("D2", CultureInfo.InvariantCulture);

    public static string Sku(int i) => "sku-" + i.ToString("D2", CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Graph, GraphJson);

        var people = Enumerable.Range(0, Colors).SelectMany(c => Enumerable.Repeat(Color(c), c + 1))
            .Select((color, i) => new object?[] { "p" + i.ToString(CultureInfo.InvariantCulture), color })
            .Append(["p-none", null])
            .ToList();
        // Labels in reverse, each twice, plus lower-case twins after the upper-case ones in ordinal order, and nulls.
        var tags = Enumerable.Range(0, Labels).Reverse().SelectMany(i => new[] { Label(i), Label(i), "l" + Label(i)[1..] })
            .Append(null)
            .Select((label, i) => new object?[] { (long)i, "p" + (i % 50).ToString(CultureInfo.InvariantCulture), label })
            .ToList();
        var at = new DateTime(2026, 10, 1, 12, 0, 0, DateTimeKind.Unspecified);
        var events = Enumerable.Range(0, Skus).SelectMany(s => Enumerable.Repeat(Sku(s), s + 1))
            .Select((sku, i) => new object?[] { "p" + (i % 50).ToString(CultureInfo.InvariantCulture), "Viewed", at.AddMinutes(i), $$"""{"sku":"{{sku}}"}""" })
            // Another event's values are not this event's suggestions, however frequent.
            .Concat(Enumerable.Range(0, 500).Select(i => new object?[] { "p1", "Bought", at, """{"sku":"sku-bought"}""" }))
            .ToList();

        await using var warehouse = await DuckDbWarehouse.OpenAsync(Path.Combine(_folder, "suggest.duckdb"), DuckDbDialect.Instance, CancellationToken.None);
        await warehouse.LoadAsync(new TableSchema(null, "people", [new("person_id", WarehouseColumnType.Varchar), new("color", WarehouseColumnType.Varchar)]), people, CancellationToken.None);
        await warehouse.LoadAsync(new TableSchema(null, "tags", [new("tag_id", WarehouseColumnType.BigInt), new("person_id", WarehouseColumnType.Varchar), new("label", WarehouseColumnType.Varchar)]), tags, CancellationToken.None);
        await warehouse.LoadAsync(
            new TableSchema(null, "activity", [new("person_id", WarehouseColumnType.Varchar), new("event", WarehouseColumnType.Varchar), new("at", WarehouseColumnType.Timestamp), new("props", WarehouseColumnType.Json)]),
            events,
            CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private const string GraphJson = """
        {
          "schemaVersion": 1,
          "profile": {
            "table": "people",
            "idColumn": "person_id",
            "traits": [ { "name": "color", "type": "STRING", "column": "color" } ]
          },
          "events": {
            "table": "activity",
            "profileIdColumn": "person_id",
            "nameColumn": "event",
            "timestampColumn": "at",
            "propertiesColumn": "props",
            "properties": [ { "name": "sku", "type": "STRING" } ]
          },
          "entities": [
            {
              "name": "tag",
              "table": "tags",
              "primaryKey": "tag_id",
              "columns": [
                { "name": "tag_id", "type": "NUMBER" },
                { "name": "person_id", "type": "STRING" },
                { "name": "label", "type": "STRING" }
              ]
            }
          ],
          "relationships": [
            { "name": "person_tags", "from": "profile", "to": "tag", "join": { "fromColumn": "person_id", "toColumn": "person_id" } }
          ]
        }
        """;
}
