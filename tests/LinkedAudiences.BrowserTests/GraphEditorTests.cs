using System.Text.Json.Nodes;
using LinkedAudiences.BrowserTests.Infrastructure;
using LinkedAudiences.Indexes;
using LinkedAudiences.Models;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.ContentManagement;
using YesSql;

namespace LinkedAudiences.BrowserTests;

/// <summary>The data graph editor in a real browser: a graph defined by picking the demo warehouse's tables, checked, then published.</summary>
public sealed class GraphEditorTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Define_DemoGraphByClicking_PublishesExactlyTheDemoGraph()
    {
        var page = await site.SignInAsAdminAsync();
        var editor = new GraphEditorPage(page);
        var demo = JsonNode.Parse(RepositoryFiles.DemoGraph)!;
        await editor.OpenNewAsync("Demo by clicking", "demo-by-clicking");

        await editor.DefineAsync(demo);
        Assert.True(await editor.CheckAsync());
        await Screens.KeepAsync(page, "12-graph-editor-demo");
        await new BuilderPage(page, () => site.BrowserErrorsQueue).PublishAsync();

        var graph = JsonNode.Parse((await PublishedGraphAsync("demo-by-clicking"))?.GetOrCreate<DataGraphPart>().Graph ?? "null");
        AssertJson(demo, graph);
    }

    [Fact]
    public async Task Define_ProfilesAccountsAndCardsByClicking_PublishesTheDemoGraphsParts()
    {
        var page = await site.SignInAsAdminAsync();
        var editor = new GraphEditorPage(page);
        await editor.OpenNewAsync("Cards graph", "cards-by-clicking");

        await editor.DefineProfilesAccountsAndCardsAsync();
        Assert.True(await editor.CheckAsync());
        await Screens.KeepAsync(page, "10-graph-editor");

        var names = JsonNode.Parse(await page.Locator("graph-editor").EvaluateAsync<string>("""
            el => JSON.stringify([...el.querySelectorAll('input, select, textarea, button')].filter(c => !c.disabled && c.offsetParent !== null)
              .map(c => ({ id: c.id, name: (c.getAttribute('aria-label') || [...(c.labels || [])].map(l => l.textContent).join(' ')
                || (c.tagName === 'BUTTON' ? c.textContent : '')).trim(), tabIndex: c.tabIndex })))
            """))!.AsArray();
        Assert.True(names.Count > 40, $"only {names.Count} controls");
        Assert.All(names, c => Assert.False(string.IsNullOrWhiteSpace((string?)c!["name"]), $"{c!["id"]} has no accessible name"));
        Assert.All(names, c => Assert.True((int)c!["tabIndex"]! >= 0, $"{c!["id"]} is out of the tab order"));

        await new BuilderPage(page, () => site.BrowserErrorsQueue).PublishAsync();

        var graph = JsonNode.Parse((await PublishedGraphAsync("cards-by-clicking"))?.GetOrCreate<DataGraphPart>().Graph ?? "null")!;
        var demo = JsonNode.Parse(RepositoryFiles.DemoGraph)!;
        Assert.Equal(("profiles", "profile_id", "traits"), ((string?)graph["profile"]!["table"], (string?)graph["profile"]!["idColumn"], (string?)graph["profile"]!["traitsColumn"]));
        var demoColumnTraits = new JsonArray([.. demo["profile"]!["traits"]!.AsArray().Where(t => t!["column"] is not null).Select(t => t!.DeepClone())]);
        AssertJson(demoColumnTraits, graph["profile"]!["traits"]);
        AssertJson(Entity(demo, "account"), graph["entities"]![0]);
        AssertJson(Entity(demo, "credit_card"), graph["entities"]![1]);
        AssertJson(Relationship(demo, "profile_accounts"), graph["relationships"]![0]);
        AssertJson(Relationship(demo, "account_credit_cards"), graph["relationships"]![1]);
    }

    [Fact]
    public async Task Check_RelationshipWithoutItsTarget_ShowsTheMessageAtThatSelectAndPublishesNothing()
    {
        var page = await site.SignInAsAdminAsync();
        var editor = new GraphEditorPage(page);
        await editor.OpenNewAsync("Half a graph", "half-a-graph");
        await editor.ChooseAsync("$.profile.table", "profiles");
        await editor.ClickAsync("#la-add-entity");
        await editor.ChooseAsync("$.entities[0].table", "accounts");
        await editor.ClickAsync("#la-add-relationship");

        Assert.False(await editor.CheckAsync());
        await Screens.KeepAsync(page, "11-graph-editor-error");

        var target = page.Locator("#" + BuilderPage.IdFor("$.relationships[0].to"));
        Assert.Contains("is-invalid", await target.GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal);
        var message = page.Locator($"#{BuilderPage.IdFor("$.relationships[0].to")} + .la-error");
        Assert.Contains(await message.GetAttributeAsync("id") ?? "?", await target.GetAttributeAsync("aria-describedby") ?? string.Empty, StringComparison.Ordinal);

        await new BuilderPage(page, () => site.BrowserErrorsQueue).PublishAsync();
        Assert.Null(await PublishedGraphAsync("half-a-graph"));
        Assert.NotEqual(0, await page.Locator("graph-editor .la-error").CountAsync());
    }

    private static JsonNode Entity(JsonNode graph, string name)
    {
        var entity = graph["entities"]!.AsArray().Single(e => (string?)e!["name"] == name)!.DeepClone().AsObject();
        entity.Remove("label");
        return entity;
    }

    private static JsonNode Relationship(JsonNode graph, string name) =>
        graph["relationships"]!.AsArray().Single(e => (string?)e!["name"] == name)!.DeepClone();

    private static void AssertJson(JsonNode expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\n  actual {actual?.ToJsonString()}");

    private Task<ContentItem?> PublishedGraphAsync(string key) =>
        site.InTenantAsync(async services =>
        {
            var row = await services.GetRequiredService<ISession>().QueryIndex<DataGraphIndex>(x => x.GraphKey == key && x.Published).FirstOrDefaultAsync();
            return row is null ? null : await services.GetRequiredService<IContentManager>().GetAsync(row.ContentItemId, VersionOptions.Published);
        });
}
