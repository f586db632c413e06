using System.Text.Json.Nodes;
using LinkedAudiences.BrowserTests.Infrastructure;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Services.Runs;
using LinkedAudiences.Warehouses.DuckDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LinkedAudiences.BrowserTests;

/// <summary>
/// The builder's preview side sheet and value suggestions in a real browser, with the keyboard only where a person
/// using one would: the count it shows is the engine's member count (the CLI's <c>members</c>) for the same definition.
/// </summary>
public sealed class PreviewTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const int Profiles = 400;
    private const string Account = "$.groups[0].conditions[0]";
    private const string Card = Account + ".conditions[0]";
    private const string Value = Card + ".where.filters[0].value";

    /// <summary>Finds every focusable control under the root element and its accessible name (aria-label, label, labelledby, text).</summary>
    private const string NamedControls = """
        el => JSON.stringify([...el.querySelectorAll('input, select, textarea, button, [tabindex]:not([tabindex="-1"])')]
          .filter(c => !c.disabled && c.offsetParent !== null && c.tabIndex >= 0)
          .map(c => {
            const labelled = (c.getAttribute('aria-labelledby') || '').split(' ').map(id => document.getElementById(id)?.textContent || '').join(' ');
            const name = (c.getAttribute('aria-label') || [...(c.labels || [])].map(l => l.textContent).join(' ') || labelled
              || (c.tagName === 'BUTTON' ? c.textContent : '')).trim();
            return { id: c.id || c.tagName, name };
          }))
        """;

    [Fact]
    public async Task Preview_UseCase1ByKeyboard_ShowsTheEngineCountSampleAndMatchedEntities()
    {
        var expected = await UseCase1MembersAsync();
        var (page, builder) = await BuildUseCase1Async("uc1-preview");

        // Tab from the target to the Preview button, Enter opens the sheet and moves the focus into it.
        await builder.Control("$.target").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("la-preview-open", await ActiveIdAsync(page));
        await page.Keyboard.PressAsync("Enter");
        var count = page.Locator("#la-preview-count");
        await count.WaitForAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('la-preview').contains(document.activeElement)"));
        Assert.Equal(expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await count.GetAttributeAsync("data-count"));
        Assert.Equal(expected.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await count.InnerTextAsync());
        Assert.Equal(expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await page.Locator(".la-preview-groups [data-la-group='0']").GetAttributeAsync("data-count"));

        var sample = await page.Locator(".la-preview-sample button .font-monospace").AllInnerTextsAsync();
        Assert.Equal(10, sample.Count);
        Assert.All(sample, key => Assert.Contains(key, expected));
        await Screens.KeepAsync(page, "20-preview-profiles");

        // Keyboard to the first sampled profile: its matched accounts, each with the outstanding cards under it.
        await FocusByTabAsync(page, "la-preview-member-0");
        await page.Keyboard.PressAsync("Enter");
        var accounts = page.Locator("#la-preview-matched > ul > li[data-la-depth='1']");
        await accounts.First.WaitForAsync();
        Assert.InRange(await accounts.CountAsync(), 1, 10);
        Assert.True(await page.Locator("#la-preview-matched li[data-la-depth='2'][data-la-branch='0.0.0']").CountAsync() >= 1);
        await Screens.KeepAsync(page, "21-preview-matched-entities");
        await AssertEveryControlNamedAsync(page, minimum: 5);

        // Entities tab by arrow key: credit cards and accounts with their distinct counts.
        await page.Locator("#la-preview-tab-profiles").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("la-preview-tab-entities", await ActiveIdAsync(page));
        Assert.True(await page.Locator("#la-preview-entities").IsVisibleAsync());
        Assert.Equal(new[] { "account", "credit_card" }, (await page.Locator("#la-preview-entities tr[data-la-entity]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.laEntity)")).Order(StringComparer.Ordinal));
        await Screens.KeepAsync(page, "22-preview-entities");

        await AssertEveryControlNamedAsync(page, minimum: 3);

        // The focus stays in the sheet, whichever way Tab goes; Esc closes it and gives the focus back to Preview.
        for (var i = 0; i < 20; i++)
        {
            await page.Keyboard.PressAsync(i % 3 == 2 ? "Shift+Tab" : "Tab");
            Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('la-preview').contains(document.activeElement)"), $"Tab {i} left the sheet");
        }

        await page.Keyboard.PressAsync("Escape");
        Assert.Equal(0, await page.Locator("#la-preview").CountAsync());
        Assert.Equal("la-preview-open", await ActiveIdAsync(page));
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task Suggestions_EntityStringColumn_OfferWarehouseValuesAndKeepFreeEntry()
    {
        await EnsureWarehouseAsync();
        var (page, builder) = await BuildUseCase1Async("uc1-suggestions");
        var input = builder.Control(Value);

        await input.FocusAsync();
        var list = page.Locator("#" + BuilderPage.IdFor(Value, "suggestions"));
        await page.WaitForFunctionAsync($"() => document.getElementById('{BuilderPage.IdFor(Value, "suggestions")}')?.dataset.laLoaded > 0");
        var values = await list.Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.Equal(new[] { "Outstanding", "Paid" }, values);
        Assert.Equal(BuilderPage.IdFor(Value, "suggestions"), await input.GetAttributeAsync("list"));
        Assert.Equal("combobox", await input.EvaluateAsync<string>("el => el.getAttribute('role') || (el.list ? 'combobox' : 'textbox')"));

        // Free entry: a value that is not suggested is kept as typed (case-sensitive).
        await builder.TypeAsync(Value, "outstanding-ish");
        Assert.Contains("\"outstanding-ish\"", await builder.DefinitionJson.InputValueAsync(), StringComparison.Ordinal);
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task Preview_MissingValue_PutsTheValidatorsMessageNextToTheField()
    {
        await EnsureWarehouseAsync();
        var page = await site.SignInAsAdminAsync();
        var builder = new BuilderPage(page, () => site.BrowserErrorsQueue);
        await builder.OpenNewAsync("Preview missing value", "preview-missing-value");
        await builder.ClickAsync("$.groups[0]", "add-entity");
        await builder.ChooseAsync(Account + ".entity", "profile_accounts");
        await builder.ClickAsync(Account + ".where", "add");
        await builder.ChooseAsync(Account + ".where.filters[0].property", "credit_limit");
        await builder.ChooseAsync(Account + ".where.filters[0].operator", "greaterThan");

        await page.Locator("#la-preview-open").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#la-preview-invalid").WaitForAsync();
        await Screens.KeepAsync(page, "23-preview-invalid");

        Assert.Contains("needs a constant ('value') or a reference ('ref')", await page.Locator("#la-preview-invalid").InnerTextAsync(), StringComparison.Ordinal);
        var path = Account + ".where.filters[0].value";
        var message = page.Locator($"#{BuilderPage.IdFor(path)} + .la-error");
        Assert.Contains("needs a constant ('value') or a reference ('ref')", await message.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("is-invalid", await builder.Control(path).GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Escape");
        Assert.Equal(0, await page.Locator("#la-preview").CountAsync());
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task Keyboard_BuilderWithPreviewAndSuggestions_EveryControlIsNamed()
    {
        await EnsureWarehouseAsync();
        var (page, builder) = await BuildUseCase1Async("uc1-named");
        await builder.ClickAsync("$.groups[0]", "add-trait");
        await builder.ChooseAsync("$.groups[0].conditions[1].trait", "plan");
        await builder.ChooseAsync("$.groups[0].conditions[1].operator", "equals");
        await builder.ClickAsync("$.groups[0]", "add-event");
        await builder.TypeAsync("$.groups[0].conditions[2].event", "Order Completed");
        await builder.ClickAsync("$.groups[0].conditions[2].where", "add");
        await builder.ChooseAsync("$.groups[0].conditions[2].where.filters[0].property", "currency");
        await builder.ChooseAsync("$.groups[0].conditions[2].where.filters[0].operator", "equals");

        var named = JsonNode.Parse(await builder.Builder.EvaluateAsync<string>(NamedControls))!.AsArray();
        Assert.Contains(named, c => (string?)c!["id"] == "la-preview-open");
        Assert.All(named, c => Assert.False(string.IsNullOrWhiteSpace((string?)c!["name"]), $"{c!["id"]} has no accessible name"));
        foreach (var path in new[] { "$.groups[0].conditions[1].value", "$.groups[0].conditions[2].where.filters[0].value" })
        {
            await builder.Control(path).FocusAsync();
            var id = BuilderPage.IdFor(path, "suggestions");
            await page.WaitForFunctionAsync($"() => document.getElementById('{id}')?.dataset.laLoaded > 0");
        }

        Assert.True(await page.Locator("#" + BuilderPage.IdFor("$.groups[0].conditions[1].value", "suggestions") + " option[value='platinum']").CountAsync() == 1);
        Assert.True(await page.Locator("#" + BuilderPage.IdFor("$.groups[0].conditions[2].where.filters[0].value", "suggestions") + " option").CountAsync() >= 1);
        await Screens.KeepAsync(page, "24-builder-suggestions");
        AssertNoBrowserErrors();
    }

    private async Task<(IPage Page, BuilderPage Builder)> BuildUseCase1Async(string key)
    {
        await EnsureWarehouseAsync();
        var page = await site.SignInAsAdminAsync();
        var builder = new BuilderPage(page, () => site.BrowserErrorsQueue);
        await builder.OpenNewAsync("Preview " + key, key);
        await builder.ClickAsync("$.groups[0]", "add-entity");
        await builder.ChooseAsync(Account + ".entity", "profile_accounts");
        await builder.ClickAsync(Account, "add-nested");
        await builder.ChooseAsync(Card + ".entity", "account_credit_cards");
        await builder.ClickAsync(Card + ".where", "add");
        await builder.ChooseAsync(Card + ".where.filters[0].property", "balance_status");
        await builder.ChooseAsync(Card + ".where.filters[0].operator", "equals");
        await builder.TypeAsync(Value, "Outstanding");
        return (page, builder);
    }

    /// <summary>The site's demo warehouse (the fixture starts without one), generated once per site.</summary>
    private Task EnsureWarehouseAsync() =>
        site.InTenantAsync(s => s.GetRequiredService<DemoWarehouseSetup>().EnsureAsync(Profiles, CancellationToken.None));

    /// <summary>UC1's members by the engine's member query (what the CLI's <c>members</c> prints), over the site's warehouse.</summary>
    private async Task<HashSet<string>> UseCase1MembersAsync()
    {
        await EnsureWarehouseAsync();
        var path = await site.InTenantAsync(s => Task.FromResult(s.GetRequiredService<DemoWarehouseSetup>().DemoPath));
        var graph = LinkedAudiencesJson.ParseGraph(await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "docs", "examples", "demo.graph.json")));
        var definition = LinkedAudiencesJson.ParseAudience(RepositoryFiles.Audience("uc1-outstanding-credit-card"));
        await using var warehouse = await DuckDbWarehouse.OpenAsync(path, DuckDbDialect.Instance, CancellationToken.None);
        var members = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var member in new AudienceEngine(graph, new NoAudiences()).MembersAsync(warehouse, definition, DemoWarehouseOptions.DefaultAnchor, CancellationToken.None))
        {
            members.Add(member);
        }

        return members;
    }

    private static async Task AssertEveryControlNamedAsync(IPage page, int minimum)
    {
        var named = JsonNode.Parse(await page.Locator("#la-preview").EvaluateAsync<string>(NamedControls))!.AsArray();
        Assert.True(named.Count >= minimum, named.ToJsonString());
        Assert.All(named, c => Assert.False(string.IsNullOrWhiteSpace((string?)c!["name"]), $"{c!["id"]} in the preview has no accessible name"));
    }

    /// <summary>
    /// No script error and no failed request. Chromium's console line for a failed resource is left out: the request
    /// itself is reported when the page made it, and the favicon the browser asks for on its own has none.
    /// </summary>
    private void AssertNoBrowserErrors()
    {
        var errors = site.BrowserErrorsQueue.Where(e => !e.Contains("console: Failed to load resource", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, "The browser reported:\n" + string.Join('\n', errors));
    }

    private static Task<string?> ActiveIdAsync(IPage page) => page.EvaluateAsync<string?>("() => document.activeElement?.id ?? null");

    private static async Task FocusByTabAsync(IPage page, string id)
    {
        for (var i = 0; i < 30; i++)
        {
            if (await ActiveIdAsync(page) == id)
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        throw new InvalidOperationException($"Tab never reached #{id}.");
    }

    private sealed class NoAudiences : Core.Definitions.IAudienceCatalog
    {
        public Task<Core.Definitions.AudienceDefinition?> FindAsync(string audienceKey, CancellationToken cancellationToken) =>
            Task.FromResult<Core.Definitions.AudienceDefinition?>(null);
    }
}
