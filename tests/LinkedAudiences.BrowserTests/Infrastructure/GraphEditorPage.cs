using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace LinkedAudiences.BrowserTests.Infrastructure;

/// <summary>The DataGraph editor with its &lt;graph-editor&gt;: controls found by the JSONPath they edit, as in the builder.</summary>
public sealed class GraphEditorPage(IPage page)
{
    public const string CreatePath = "/Admin/Contents/ContentTypes/DataGraph/Create";

    public IPage Page { get; } = page;

    public async Task OpenNewAsync(string title, string key)
    {
        await Page.GotoAsync(CreatePath);
        await Page.Locator("#TitlePart_Title").FillAsync(title);
        await Page.Locator("#DataGraphPart_Key").FillAsync(key);
        await Page.Locator("#" + BuilderPage.IdFor("$.profile.table")).WaitForAsync();
    }

    /// <summary>
    /// Profiles with every column as a trait, accounts and credit cards picked from the warehouse's tables, and the two
    /// relationships between them, each by the choices the editor offers (names and join columns are its guesses).
    /// </summary>
    public async Task DefineProfilesAccountsAndCardsAsync()
    {
        await ChooseAsync("$.profile.table", "profiles");
        await ClickAsync("#la-profile-add-columns");
        await ClickAsync("#la-add-entity");
        await ChooseAsync("$.entities[0].table", "accounts");
        await ClickAsync("#la-add-entity");
        await ChooseAsync("$.entities[1].table", "credit_cards");
        await ClickAsync("#la-add-relationship");
        await ChooseAsync("$.relationships[0].to", "account");
        await ClickAsync("#la-add-relationship");
        await ChooseAsync("$.relationships[1].from", "account");
        await ChooseAsync("$.relationships[1].to", "credit_card");
    }

    /// <summary>
    /// Clicks <paramref name="graph"/> (a graph over the warehouse's tables, e.g. docs/examples/demo.graph.json) into
    /// the editor the way a person would: tables picked from the lists, every column as a trait, nested traits, event
    /// properties and context keys and entity labels typed, relationship ends picked (junction tables where the graph has
    /// one). Keys, entity names, relationship names and join columns are left to the editor's guesses.
    /// </summary>
    public async Task DefineAsync(JsonNode graph)
    {
        var profile = graph["profile"]!;
        await ChooseAsync("$.profile.table", (string)profile["table"]!);
        await ClickAsync("#la-profile-add-columns");
        var traits = profile["traits"]!.AsArray();
        for (var i = 0; i < traits.Count; i++)
        {
            var trait = traits[i]!;
            if (trait["path"] is null)
            {
                continue;
            }

            await ClickAsync("#la-profile-add-trait");
            var path = $"$.profile.traits[{i}]";
            await Page.Locator("#" + BuilderPage.IdFor(path + ".name")).FillAsync((string)trait["name"]!);
            await Page.Locator("#" + BuilderPage.IdFor(path, "source")).SelectOptionAsync("path");
            await Page.Locator("#" + BuilderPage.IdFor(path + ".path")).FillAsync((string)trait["path"]!);
            await Page.Locator("#" + BuilderPage.IdFor(path + ".type")).SelectOptionAsync((string)trait["type"]!);
        }

        if (graph["events"] is { } events)
        {
            await Page.Locator("#la-events-enabled").CheckAsync();
            await ChooseAsync("$.events.table", (string)events["table"]!);
            foreach (var list in new[] { "properties", "context" })
            {
                var keys = events[list]!.AsArray();
                for (var i = 0; i < keys.Count; i++)
                {
                    await ClickAsync("#" + BuilderPage.IdFor($"$.events.{list}", "add"));
                    await Page.Locator("#" + BuilderPage.IdFor($"$.events.{list}[{i}].name")).FillAsync((string)keys[i]!["name"]!);
                    await Page.Locator("#" + BuilderPage.IdFor($"$.events.{list}[{i}].type")).SelectOptionAsync((string)keys[i]!["type"]!);
                }
            }
        }

        var entities = graph["entities"]!.AsArray();
        for (var i = 0; i < entities.Count; i++)
        {
            await ClickAsync("#la-add-entity");
            await ChooseAsync($"$.entities[{i}].table", (string)entities[i]!["table"]!);
            if ((string?)entities[i]!["label"] is { } label)
            {
                await Page.Locator("#" + BuilderPage.IdFor($"$.entities[{i}].label")).FillAsync(label);
            }
        }

        var relationships = graph["relationships"]!.AsArray();
        for (var i = 0; i < relationships.Count; i++)
        {
            var relationship = relationships[i]!;
            var path = $"$.relationships[{i}]";
            await ClickAsync("#la-add-relationship");
            if ((string)relationship["from"]! != "profile")
            {
                await ChooseAsync(path + ".from", (string)relationship["from"]!);
            }

            await ChooseAsync(path + ".to", (string)relationship["to"]!);
            if (relationship["junction"] is { } junction)
            {
                await Page.Locator("#" + BuilderPage.IdFor(path, "kind")).SelectOptionAsync("junction");
                await ChooseAsync(path + ".junction.table", (string)junction["table"]!);
            }
        }
    }

    /// <summary>Checks the graph through the API and waits for the verdict ("valid" or "invalid").</summary>
    public async Task<bool> CheckAsync()
    {
        await ClickAsync("#la-validate");
        var verdict = Page.Locator("#la-graph-valid, #la-graph-invalid");
        await verdict.First.WaitForAsync();
        return await Page.Locator("#la-graph-valid").CountAsync() == 1;
    }

    public Task ChooseAsync(string path, string label) =>
        Page.Locator("#" + BuilderPage.IdFor(path)).SelectOptionAsync(new SelectOptionValue { Label = label });

    public async Task ClickAsync(string selector)
    {
        var button = Page.Locator(selector);
        await button.FocusAsync();
        await button.ClickAsync();
    }
}
