using System.Text.Json.Nodes;
using LinkedAudiences.BackgroundTasks;
using LinkedAudiences.BrowserTests.Infrastructure;
using LinkedAudiences.Indexes;
using LinkedAudiences.Tests.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrchardCore.BackgroundTasks;
using YesSql;

namespace LinkedAudiences.BrowserTests;

/// <summary>
/// The activation screens in a real browser: a webhook activation to a loopback receiver for the demo audience
/// "platinum-members", its Liquid mapping typed and previewed live (an error located first, then a real profile's
/// payload), a test event and what came back, then a run of the audience, a delivery tick and the delivery counts.
/// </summary>
public sealed class ActivationScreensTests(BrowserSite site) : IClassFixture<BrowserSite>, IAsyncLifetime
{
    private const string Audience = "platinum-members";
    private LoopbackReceiver _receiver = default!;

    public async Task InitializeAsync() => _receiver = await LoopbackReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task WebhookActivation_PreviewTestEventRunAndDeliver_ShowsPayloadExchangeAndCounts()
    {
        var page = await site.SignInAsAdminAsync();
        await page.GotoAsync("/Admin/Contents/ContentTypes/Activation/Create");
        await page.Locator("#TitlePart_Title").FillAsync("Platinum → webhook");
        await page.Locator("#ActivationPart_AudienceKey").FillAsync(Audience);
        await page.Locator("#ActivationPart_Trigger").SelectOptionAsync("audienceEntered");
        await page.Locator("#ActivationPart_DestinationKind").SelectOptionAsync("webhook");
        await page.Locator("#ActivationPart_Url").FillAsync(_receiver.Url("browser"));
        // Enrichment by checking the graph's traits; the posted text field follows. No trigger entity for a profile trigger.
        await page.Locator("#la-trait-email").CheckAsync();
        await page.Locator("#la-trait-plan").CheckAsync();
        Assert.Equal("email, plan", await page.Locator("#ActivationPart_EnrichmentTraits").InputValueAsync());
        Assert.False(await page.Locator("#ActivationPart_TriggerEntity").IsVisibleAsync());
        await page.Locator("#ActivationPart_Enabled").CheckAsync();

        // A template with an unclosed output: the preview says where, as the user types.
        var mapping = page.Locator("#ActivationPart_Mapping");
        await mapping.FillAsync("{\n  \"email\": \"{{ traits.email \"\n}");
        var error = page.Locator("[data-la-template-error-text]");
        await WaitAsync(page, () => error.WaitForAsync(new() { Timeout = 15_000 }));
        Assert.StartsWith("Line 2, column", await error.TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("true", await mapping.GetAttributeAsync("aria-invalid"));
        await Screens.KeepAsync(page, "40-activation-template-error");

        // Fixed, typed key by key; previewed for a real profile of the demo warehouse.
        var profile = await FirstProfileAsync();
        await page.Locator("#la-preview-member").FillAsync(profile);
        await mapping.FillAsync(string.Empty);
        await mapping.PressSequentiallyAsync("""{"email": "{{ traits.email }}", "plan": "{{ traits.plan | upcase }}", "user": "{{ event.userId }}"}""");
        var payload = page.Locator("[data-la-preview-payload]");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-la-preview-payload]').textContent.includes('\"user\"') && !document.querySelector('[data-la-activation-preview]').hasAttribute('aria-busy')");
        var previewed = JsonNode.Parse(await payload.TextContentAsync() ?? "null")!;
        Assert.Equal(profile, (string?)previewed["user"]);
        Assert.Contains("@", (string?)previewed["email"] ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(0, await error.CountAsync());
        await Screens.KeepAsync(page, "41-activation-liquid-preview");

        await new BuilderPage(page, () => site.BrowserErrorsQueue).PublishAsync();
        var id = await ActivationIdAsync("Platinum → webhook");
        Assert.NotNull(id);

        // Test event: from the editor's link.
        await page.GotoAsync($"/Admin/Contents/ContentItems/{id}/Edit");
        await page.Locator("#activation-test-event-link").ClickAsync();
        await page.Locator("#UserId").FillAsync(profile);
        await page.Locator("#activation-test-event button[type=submit]").ClickAsync();
        await page.Locator("#test-event-status").WaitForAsync();
        Assert.Equal("200", await page.Locator("#test-event-status").TextContentAsync());
        var received = Assert.Single(_receiver.On("browser"));
        Assert.Equal(received.Body, await page.Locator("#test-event-sent-body").TextContentAsync());
        Assert.Equal("{}", await page.Locator("#test-event-received-body").TextContentAsync());
        await Screens.KeepAsync(page, "42-activation-test-event");

        // The audience runs (Enable runs it at once), one delivery tick, then the overview.
        await page.GotoAsync($"/Admin/LinkedAudiences/Runs/Overview/{Audience}");
        await page.Locator("form[action$='/Enable/platinum-members'] button").ClickAsync();
        await page.Locator("#audience-members").WaitForAsync();
        var members = int.Parse((await page.Locator("#audience-members").TextContentAsync())!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(members > 0, "the demo audience has no members");
        await site.InTenantAsync(async s =>
        {
            await s.GetServices<IBackgroundTask>().OfType<ActivationDeliveryBackgroundTask>().Single().DoWorkAsync(s, CancellationToken.None);
            return 0;
        });

        await page.GotoAsync($"/Admin/LinkedAudiences/Activations/Delivery/{id}");
        var row = page.Locator("tr[data-kind='profileEntered']");
        await row.WaitForAsync();
        Assert.Equal(members.ToString(System.Globalization.CultureInfo.InvariantCulture), await row.Locator("[data-count='delivered']").TextContentAsync());
        Assert.Equal(members.ToString(System.Globalization.CultureInfo.InvariantCulture), await row.Locator("[data-count='fromAudience']").TextContentAsync());
        // The test event, then the members in batches.
        Assert.Equal(members + 1, _receiver.DeliveredEvents("browser").Count);
        await Screens.KeepAsync(page, "43-activation-delivery-overview");
        // The home page after sign-in misses a resource of the demo theme; the admin screens must report nothing.
        Assert.DoesNotContain(site.BrowserErrorsQueue, e => e.Contains("/Admin/", StringComparison.Ordinal));
    }

    /// <summary>A wait that times out says what the preview showed and what the browser reported.</summary>
    private async Task WaitAsync(IPage page, Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (TimeoutException e)
        {
            var status = await page.EvaluateAsync<string>("() => document.querySelector('[data-la-activation-preview]')?.innerText ?? 'no preview section'");
            var scripts = await page.EvaluateAsync<string>("() => [...document.scripts].map(s => s.src || s.outerHTML.slice(0, 200)).join(' ')");
            throw new InvalidOperationException($"{e.Message}\nPreview: {status}\nScripts: {scripts}\nBrowser errors:\n{string.Join('\n', site.BrowserErrorsQueue)}", e);
        }
    }

    private Task<string> FirstProfileAsync() =>
        site.InTenantAsync(async s =>
        {
            var warehouse = await s.GetRequiredService<LinkedAudiences.Services.WarehouseConnector>().OpenAsync(CancellationToken.None);
            await using (warehouse as IAsyncDisposable)
            {
                await foreach (var row in warehouse!.QueryAsync(Core.Sql.SqlQuery.Text("SELECT profile_id FROM profiles WHERE email IS NOT NULL AND plan IS NOT NULL ORDER BY profile_id LIMIT 1"), CancellationToken.None))
                {
                    return (string)row[0]!;
                }
            }

            throw new InvalidOperationException("The demo warehouse has no profiles.");
        });

    private Task<string?> ActivationIdAsync(string title) =>
        site.InTenantAsync(async s =>
        {
            var items = await s.GetRequiredService<ISession>().Query<OrchardCore.ContentManagement.ContentItem, ActivationIndex>(x => x.Published).ListAsync();
            return items.FirstOrDefault(i => i.DisplayText == title)?.ContentItemId;
        });
}
