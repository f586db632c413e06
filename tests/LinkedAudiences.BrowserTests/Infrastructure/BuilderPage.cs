using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LinkedAudiences.BrowserTests.Infrastructure;

/// <summary>The LinkedAudience editor with its &lt;audience-builder&gt;: controls found by the JSONPath they edit.</summary>
public sealed partial class BuilderPage(IPage page, Func<IEnumerable<string>> errors)
{
    public const string CreatePath = "/Admin/Contents/ContentTypes/LinkedAudience/Create";

    public IPage Page { get; } = page;

    /// <summary>What went wrong in the browser so far (script errors, failed requests).</summary>
    public Func<IEnumerable<string>> Errors { get; } = errors;

    public ILocator Builder => Page.Locator("audience-builder");

    public ILocator DefinitionJson => Page.Locator("#LinkedAudiencePart_Definition");

    /// <summary>The control editing <paramref name="path"/> (ids are derived from it the way the builder's dom.js does).</summary>
    public ILocator Control(string path, string? suffix = null) => Page.Locator("#" + IdFor(path, suffix));

    public static string IdFor(string path, string? suffix = null)
    {
        var id = "la" + NonWord().Replace(path.TrimStart('$'), "-").TrimEnd('-');
        return suffix is null ? id : id + "-" + suffix;
    }

    public async Task OpenNewAsync(string title, string key, string graphKey = "demo")
    {
        await Page.GotoAsync(CreatePath);
        await Page.Locator("#TitlePart_Title").FillAsync(title);
        await Page.Locator("#LinkedAudiencePart_Key").FillAsync(key);
        await Page.Locator("#LinkedAudiencePart_GraphKey").FillAsync(graphKey);
        try
        {
            await Control("$.target").WaitForAsync();
        }
        catch (TimeoutException e)
        {
            var scripts = await Page.EvaluateAsync<string>("() => [...document.scripts].map(s => s.type + ' ' + s.src).join('\\n') + '\\n' + (document.querySelector('audience-builder')?.outerHTML ?? 'no builder')");
            throw new InvalidOperationException($"The builder did not render.\n{scripts}\n{string.Join('\n', Errors())}", e);
        }
    }

    /// <summary>
    /// The seeds' use case 1 by clicking: profiles with an account that has a credit card whose balance_status equals
    /// "Outstanding", at least one (a nested entity branch with a property filter and a count filter).
    /// </summary>
    public async Task BuildUseCase1Async()
    {
        const string Account = "$.groups[0].conditions[0]";
        const string Card = Account + ".conditions[0]";
        await ClickAsync("$.groups[0]", "add-entity");
        await ChooseAsync(Account + ".entity", "profile_accounts");
        await ClickAsync(Account, "add-nested");
        await ChooseAsync(Card + ".entity", "account_credit_cards");
        await ClickAsync(Card + ".where", "add");
        await ChooseAsync(Card + ".where.filters[0].property", "balance_status");
        await ChooseAsync(Card + ".where.filters[0].operator", "equals");
        await TypeAsync(Card + ".where.filters[0].value", "Outstanding");
        await ChooseAsync(Card + ".count.operator", "atLeast");
        await TypeAsync(Card + ".count.value", "1");
    }

    public Task ClickAsync(string path, string suffix) => StepAsync(() => Control(path, suffix).ClickAsync());

    public Task ChooseAsync(string path, string value, string? suffix = null) => StepAsync(() => Control(path, suffix).SelectOptionAsync(value));

    public Task TypeAsync(string path, string value, string? suffix = null) => StepAsync(() => Control(path, suffix).FillAsync(value));

    /// <summary>A step that times out says what the browser reported (a script error explains a missing control).</summary>
    private async Task StepAsync(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (TimeoutException e)
        {
            var html = await Page.EvaluateAsync<string>("() => document.querySelector('audience-builder')?.innerHTML ?? 'no builder'");
            throw new InvalidOperationException($"{e.Message}\nBrowser errors:\n{string.Join('\n', Errors())}\nBuilder:\n{html[..Math.Min(html.Length, 4000)]}", e);
        }
    }

    public async Task PublishAsync()
    {
        // The form posts: a redirect when published, the editor again with its messages when refused.
        // A mark on the old document tells when the next one has replaced it.
        await Page.EvaluateAsync("() => { window.laBeforeSubmit = true; }");
        // Focus moves to the button first: with the focus still in a builder control (the count typed last), the focus
        // change on mousedown scrolled the long editor back up before mouseup, so the click landed on a label, the form
        // was never submitted and no request reached the server (seen with window event listeners: mousedown on the
        // button, mouseup on a LABEL, click on a DIV, scrollY 857 -> 548).
        var publish = Page.Locator("button[name='submit.Publish']").First;
        await publish.FocusAsync();
        await publish.ClickAsync();
        await Page.WaitForFunctionAsync("() => !window.laBeforeSubmit && document.readyState !== 'loading'");
    }

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NonWord();
}
