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
