using System.Text.Json.Nodes;
using LinkedAudiences.BrowserTests.Infrastructure;
using LinkedAudiences.Indexes;
using LinkedAudiences.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrchardCore.ContentManagement;
using YesSql;

namespace LinkedAudiences.BrowserTests;

/// <summary>The audience builder in a real browser against the real host: built by clicking, checked by the engine on publish.</summary>
public sealed class BuilderTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Account = "$.groups[0].conditions[0]";
    private const string Card = Account + ".conditions[0]";

    [Fact]
    public async Task Build_UseCase1ByClicking_PublishesTheExampleDefinition()
    {
        var page = await site.SignInAsAdminAsync();
        var builder = new BuilderPage(page, () => site.BrowserErrorsQueue);
        await builder.OpenNewAsync("UC1 built by clicking", "uc1-by-clicking");
        await Screens.KeepAsync(page, "02-builder-new");

        await builder.BuildUseCase1Async();
        await Screens.KeepAsync(page, "03-builder-uc1");

        await builder.PublishAsync();
        await Screens.KeepAsync(page, "04-published");

        var item = await PublishedAudienceAsync("uc1-by-clicking");
        Assert.NotNull(item);
        await page.GotoAsync($"/Admin/Contents/ContentItems/{item.ContentItemId}/Edit");
        await Screens.KeepAsync(page, "05-builder-edit-uc1");
        Assert.Equal(0, await page.Locator("audience-builder .la-error, [data-la-error-for]").CountAsync());
        var saved = await builder.DefinitionJson.InputValueAsync();
        AssertSameDefinition(RepositoryFiles.Audience("uc1-outstanding-credit-card"), saved);
        Assert.Equal("Outstanding", await builder.Control(Card + ".where.filters[0].value").InputValueAsync());
    }

    [Fact]
    public async Task Build_EmptyValue_ShowsTheValidatorsMessageAtTheFieldAndPublishesNothing()
    {
        var page = await site.SignInAsAdminAsync();
        var builder = new BuilderPage(page, () => site.BrowserErrorsQueue);
        await builder.OpenNewAsync("Missing value", "missing-value");
        await builder.ClickAsync("$.groups[0]", "add-entity");
        await builder.ChooseAsync(Account + ".entity", "profile_accounts");
        await builder.ClickAsync(Account + ".where", "add");
        await builder.ChooseAsync(Account + ".where.filters[0].property", "credit_limit");
        await builder.ChooseAsync(Account + ".where.filters[0].operator", "greaterThan");

        await builder.PublishAsync();
        await Screens.KeepAsync(page, "06-builder-error");

        var value = builder.Control(Account + ".where.filters[0].value");
        var message = page.Locator($"#{BuilderPage.IdFor(Account + ".where.filters[0].value")} + .la-error");
        Assert.Contains("needs a constant ('value') or a reference ('ref')", await message.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("is-invalid", await value.GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains(await message.GetAttributeAsync("id") ?? "?", await value.GetAttributeAsync("aria-describedby") ?? string.Empty, StringComparison.Ordinal);
        Assert.Null(await PublishedAudienceAsync("missing-value"));
        Assert.Equal(0, await AudienceVersionCountAsync("missing-value"));
    }

    [Fact]
    public async Task Keyboard_EveryBuilderControl_IsReachableByTabAndNamed()
    {
        var page = await site.SignInAsAdminAsync();
        var builder = new BuilderPage(page, () => site.BrowserErrorsQueue);
        await builder.OpenNewAsync("Every control", "every-control");
        await builder.ClickAsync("$.groups[0]", "add-entity");
        await builder.ChooseAsync(Account + ".entity", "profile_accounts");
        await builder.ClickAsync(Account + ".where", "add");
        await builder.ChooseAsync(Account + ".where.filters[0].property", "credit_limit");
        await builder.ChooseAsync(Account + ".where.filters[0].operator", "greaterThan");
        await builder.ChooseAsync(Account + ".window.column", "opened_at");
        await builder.ChooseAsync(Account + ".aggregate.function", "sum");
        await builder.ClickAsync(Account, "add-nested");
        await builder.ChooseAsync(Card + ".entity", "account_credit_cards");
        await builder.ClickAsync("$.groups[0]", "add-trait");
        await builder.ChooseAsync("$.groups[0].conditions[1].trait", "plan");
        await builder.ChooseAsync("$.groups[0].conditions[1].operator", "equals");
        await builder.ClickAsync("$.groups[0]", "add-event");
        await builder.ChooseAsync("$.groups[0].conditions[2].window", "last", "mode");
        await builder.ClickAsync("$.groups[0]", "add-audience");
        await page.Locator("#la-add-group").ClickAsync();
        await Screens.KeepAsync(page, "07-builder-every-kind");

        var controls = JsonNode.Parse(await builder.Builder.EvaluateAsync<string>("""
            el => JSON.stringify([...el.querySelectorAll('input, select, textarea, button')]
              .filter(c => !c.disabled && c.offsetParent !== null)
              .map((c, i) => {
                c.dataset.laTabIndex = i;
                const labelled = (c.getAttribute('aria-labelledby') || '').split(' ').map(id => document.getElementById(id)?.textContent || '').join(' ');
                const name = (c.getAttribute('aria-label') || [...(c.labels || [])].map(l => l.textContent).join(' ') || labelled
                  || (c.tagName === 'BUTTON' ? c.textContent : '')).trim();
                return { id: c.id, name, tabIndex: c.tabIndex };
              }))
            """))!.AsArray();
        Assert.True(controls.Count > 25, $"only {controls.Count} controls");
        Assert.All(controls, c => Assert.False(string.IsNullOrWhiteSpace((string?)c!["name"]), $"{c!["id"]} has no accessible name"));
        Assert.All(controls, c => Assert.True((int)c!["tabIndex"]! >= 0, $"{c!["id"]} is out of the tab order"));

        // From the control just before the builder, Tab must visit every builder control in turn.
        await page.Locator("#LinkedAudiencePart_GraphKey").FocusAsync();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < controls.Count + 10 && reached.Count < controls.Count; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var index = await page.EvaluateAsync<string?>("() => document.activeElement?.dataset.laTabIndex ?? null");
            if (index is not null)
            {
                reached.Add(index);
            }
        }

        var missed = controls.Select((c, i) => (c, i)).Where(x => !reached.Contains(x.i.ToString(System.Globalization.CultureInfo.InvariantCulture))).Select(x => (string?)x.c!["id"]);
        Assert.Empty(missed);
    }

    [Fact]
    public async Task Edit_EveryDemoAudience_ShowsEachConditionWithoutChangingTheJson()
    {
        var ids = await site.InTenantAsync(async services =>
            (await services.GetRequiredService<ISession>().QueryIndex<LinkedAudienceIndex>(x => x.Published).ListAsync()).Select(r => r.ContentItemId).ToList());
        Assert.True(ids.Count >= 8, $"the demo recipe has {ids.Count} audiences");
        var page = await site.SignInAsAdminAsync();
        var builder = new BuilderPage(page, () => site.BrowserErrorsQueue);

        foreach (var id in ids)
        {
            await page.GotoAsync($"/Admin/Contents/ContentItems/{id}/Edit");
            await builder.Control("$.target").WaitForAsync();
            var before = await builder.DefinitionJson.InputValueAsync();
            var shown = await builder.Builder.EvaluateAsync<string>("""
                el => JSON.stringify({
                  unknown: [...el.querySelectorAll('option')].filter(o => o.selected && o.textContent.endsWith('(unknown)')).map(o => o.value),
                  unshown: el.querySelectorAll('.la-condition p.text-muted').length,
                  conditions: el.querySelectorAll('.la-condition').length,
                  targetLocked: el.querySelector('#la-target').disabled
                })
                """);
            var facts = JsonNode.Parse(shown)!;
            Assert.True(facts["unknown"]!.AsArray().Count == 0, $"{id}: {shown}");
            Assert.Equal(0, (int)facts["unshown"]!);
            Assert.True((int)facts["conditions"]! >= 1, $"{id}: {shown}");
            Assert.True((bool)facts["targetLocked"]!, $"{id}: the published target can still be changed");
            Assert.Equal(before, await builder.DefinitionJson.InputValueAsync());
        }

        await Screens.KeepAsync(page, "08-builder-demo-audience");
    }

    private static void AssertSameDefinition(string expected, string actual)
    {
        var want = DefinitionJson.Normalize(expected);
        var got = DefinitionJson.Normalize(actual);
        Assert.True(JsonNode.DeepEquals(want, got), $"expected {want.ToJsonString()}\n  actual {got.ToJsonString()}\n  saved {actual}");
    }

    private Task<ContentItem?> PublishedAudienceAsync(string key) =>
        site.InTenantAsync(async services =>
        {
            var row = await services.GetRequiredService<ISession>().QueryIndex<LinkedAudienceIndex>(x => x.AudienceKey == key && x.Published).FirstOrDefaultAsync();
            return row is null ? null : await services.GetRequiredService<IContentManager>().GetAsync(row.ContentItemId, VersionOptions.Published);
        });

    private Task<int> AudienceVersionCountAsync(string key) =>
        site.InTenantAsync(async services => await services.GetRequiredService<ISession>().QueryIndex<LinkedAudienceIndex>(x => x.AudienceKey == key).CountAsync());
}
