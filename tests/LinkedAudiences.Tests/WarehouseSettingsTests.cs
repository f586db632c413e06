using System.Net;
using System.Text.Json.Nodes;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Models;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Warehouses.DuckDb;

namespace LinkedAudiences.Tests;

/// <summary>The warehouse connection under Configuration → Settings, and publishing a graph against the live warehouse.</summary>
public sealed class WarehouseSettingsTests(Site site) : IClassFixture<Site>
{
    private const string SettingsPath = "/Admin/Settings/LinkedAudiences";
    private const string Field = "ISite.LinkedAudiencesSettings.";
    private const string Secret = "pw-7c1e5d0f-never-shown";

    private static readonly string Demo = File.ReadAllText(RepositoryFiles.DemoGraph);

    [Fact]
    public async Task Save_PostgresConnectionString_IsStoredEncryptedAndNeverRenderedBack()
    {
        using var admin = await site.SignInAsAdminAsync();

        var saved = await admin.SubmitAsync(SettingsPath, Postgres($"Host=127.0.0.1;Port=1;Username=la;Password={Secret}"));
        var shown = await admin.GetAsync(SettingsPath);
        var settings = await site.SettingsAsync();

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.DoesNotContain(Secret, saved.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.DoesNotContain(Secret, shown.Body, StringComparison.Ordinal);
        Assert.Contains("A connection string is stored (encrypted); leave empty to keep it.", shown.Body, StringComparison.Ordinal);
        Assert.Equal("postgres", settings.WarehouseKind);
        Assert.False(string.IsNullOrEmpty(settings.ProtectedConnectionString));
        Assert.DoesNotContain(Secret, settings.ProtectedConnectionString, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, await File.ReadAllTextAsync(Path.Combine(site.AppData, "Sites", "Default", "OrchardCore.db")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_EmptyConnectionString_KeepsTheStoredOne()
    {
        using var admin = await site.SignInAsAdminAsync();
        await admin.SubmitAsync(SettingsPath, Postgres($"Host=127.0.0.1;Password={Secret}"));
        var stored = (await site.SettingsAsync()).ProtectedConnectionString;

        var saved = await admin.SubmitAsync(SettingsPath, Postgres(string.Empty, schema: "analytics"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var settings = await site.SettingsAsync();
        Assert.Equal((stored, "analytics"), (settings.ProtectedConnectionString, settings.Schema));
    }

    [Fact]
    public async Task Save_DuckDbWithoutPath_ShowsTheErrorAtThePathField()
    {
        using var admin = await site.SignInAsAdminAsync();

        var refused = await admin.SubmitAsync(SettingsPath, new() { [Field + "WarehouseKind"] = "duckdb", [Field + "DuckDbPath"] = string.Empty });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(["A DuckDB warehouse needs the path of its database file."], refused.FieldErrors(Field + "DuckDbPath"));
    }

    [Fact]
    public async Task PublishGraph_AgainstTheLiveWarehouse_PassesWhenTablesMatchAndNamesEachMissingOne_ForTheGraphAndItsAudiences()
    {
        var path = Path.Combine(site.AppData, "warehouse.duckdb");
        await using (var warehouse = await DuckDbWarehouse.OpenAsync(path, DuckDbDialect.Instance, CancellationToken.None))
        {
            await DemoWarehouseBuilder.BuildAsync(warehouse, new DemoWarehouseOptions { Profiles = 20 }, CancellationToken.None);
        }

        using var admin = await site.SignInAsAdminAsync();
        await admin.SubmitAsync(SettingsPath, new() { [Field + "WarehouseKind"] = "duckdb", [Field + "DuckDbPath"] = path });
        var accepted = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.DataGraph), AdminForms.Graph("Live", "graph-live", Demo));

        await using (var warehouse = await DuckDbWarehouse.OpenAsync(path, DuckDbDialect.Instance, CancellationToken.None))
        {
            await warehouse.ExecuteAsync(new SqlQuery("DROP TABLE pets", []), CancellationToken.None);
        }

        var refused = await admin.SubmitAsync(AdminForms.EditPath(accepted.EditedItemId()), AdminForms.Graph("Live v2", "graph-live", Demo));
        var audience = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("On live", "on-live", RepositoryFiles.Audience("platinum-members"), graphKey: "graph-live"));

        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var pets = JsonNode.Parse(Demo)!["entities"]!.AsArray().Select((e, i) => (Name: (string)e!["name"]!, Index: i)).Single(e => e.Name == "pet").Index;
        Assert.Equal([$"$.entities[{pets}].table: Table 'pets' of entity 'pet' does not exist in the warehouse. [unknown-table]"], refused.FieldErrors("DataGraphPart.Graph"));
        Assert.Single(await site.VersionsAsync(accepted.EditedItemId()));
        Assert.Equal(HttpStatusCode.OK, audience.Status);
        Assert.Equal([$"The data graph 'graph-live' no longer matches the warehouse: $.entities[{pets}].table: Table 'pets' of entity 'pet' does not exist in the warehouse. [unknown-table]"],
            audience.FieldErrors("LinkedAudiencePart.GraphKey"));
    }

    private static Dictionary<string, string> Postgres(string connectionString, string schema = "") => new()
    {
        [Field + "WarehouseKind"] = "postgres",
        [Field + "ConnectionString"] = connectionString,
        [Field + "Schema"] = schema,
    };
}
