using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LinkedAudiences.Models;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Tests.Runs;

namespace LinkedAudiences.Tests;

/// <summary>
/// What the data graph editor stands on: the warehouse's tables embedded in the editor page, and the check of a graph
/// before publishing through the API, with the engine's messages by JSONPath.
/// </summary>
public sealed partial class DataGraphEditorTests(DataGraphEditorTests.Fixture fixture) : IClassFixture<DataGraphEditorTests.Fixture>
{
    private const string Validate = "/api/linked-audiences/graphs/validate";
    private const string TokenPage = "/Admin/LinkedAudiences/Runs/Index";

    private static readonly string Demo = File.ReadAllText(RepositoryFiles.DemoGraph);

    [Fact]
    public async Task Editor_NewGraph_EmbedsTheWarehouseTablesWithTheirGraphTypes()
    {
        using var admin = await fixture.Site.SignInAsAdminAsync();

        var page = await admin.GetAsync(AdminForms.CreatePath(ContentTypes.DataGraph));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<graph-editor", page.Body, StringComparison.Ordinal);
        var context = JsonNode.Parse(EditorContext().Match(page.Body).Groups[1].Value)!;
        var tables = context["tables"]!.AsArray().ToDictionary(t => (string)t!["name"]!, t => t!, StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["profiles", "accounts", "credit_cards", "household_members", "events"]), tables.Keys.ToHashSet());
        var cards = tables["credit_cards"]["columns"]!.AsArray().ToDictionary(c => (string)c!["name"]!, c => (string?)c!["type"], StringComparer.Ordinal);
        Assert.Equal(("NUMBER", "STRING", "BOOLEAN", "DATE"), (cards["card_id"], cards["balance_status"], cards["is_active"], cards["expires_on"]));
        var traits = tables["profiles"]["columns"]!.AsArray().Single(c => (string)c!["name"]! == "traits")!;
        Assert.True((bool)traits["isJson"]!);
        Assert.Null((string?)context["warehouseMessage"]);
    }

    [Fact]
    public async Task Check_DemoGraph_IsValidAgainstTheWarehouse()
    {
        using var admin = await fixture.Site.SignInAsAdminAsync();

        var (status, answer) = await admin.PostJsonAsync(Validate, TokenPage, Demo);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((true, true, 0), ((bool)answer!["valid"]!, (bool)answer["checkedAgainstWarehouse"]!, answer["errors"]!.AsArray().Count));
    }

    [Fact]
    public async Task Check_ColumnTheTableLacks_NamesItsPathAndRule()
    {
        using var admin = await fixture.Site.SignInAsAdminAsync();
        var graph = JsonNode.Parse(Demo)!;
        graph["entities"]![0]!["columns"]!.AsArray().Add(new JsonObject { ["name"] = "loyalty_score", ["type"] = "NUMBER" });
        var index = graph["entities"]![0]!["columns"]!.AsArray().Count - 1;

        var (status, answer) = await admin.PostJsonAsync(Validate, TokenPage, graph.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False((bool)answer!["valid"]!);
        var error = Assert.Single(answer["errors"]!.AsArray());
        Assert.Equal(($"$.entities[0].columns[{index}].name", "unknown-column"), ((string?)error!["path"], (string?)error["rule"]));
        Assert.Contains("loyalty_score", (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnreadableJson_AnswersTheReadersMessageNotAnError()
    {
        using var admin = await fixture.Site.SignInAsAdminAsync();

        var (status, answer) = await admin.PostJsonAsync(Validate, TokenPage, """{ "profile": { "table": """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False((bool)answer!["valid"]!);
        Assert.NotEmpty(answer["errors"]!.AsArray());
        Assert.False((bool)answer["checkedAgainstWarehouse"]!);
    }

    [GeneratedRegex("""<script type="application/json" id="DataGraphPart_Graph_EditorContext">(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex EditorContext();

    /// <summary>The demo site with a small demo warehouse.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public Site Site { get; } = new();

        public async Task InitializeAsync()
        {
            await Site.InitializeAsync();
            await Site.UseDemoWarehouseAsync(50);
        }

        public Task DisposeAsync() => ((IAsyncLifetime)Site).DisposeAsync();
    }
}
