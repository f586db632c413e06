using System.Globalization;
using System.Text.Json.Nodes;
using LinkedAudiences.BackgroundTasks;
using LinkedAudiences.BrowserTests.Infrastructure;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Indexes;
using LinkedAudiences.Models;
using LinkedAudiences.Services;
using LinkedAudiences.Tests.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrchardCore.BackgroundTasks;
using OrchardCore.ContentManagement;
using YesSql;

namespace LinkedAudiences.BrowserTests;

/// <summary>
/// The whole path a content team takes, in one browser session against the real host: define the demo data graph over the
/// warehouse's tables, build use case 1 on it by clicking, preview it (the engine's member count), publish and enable
/// it, Run now and see both runs, then a webhook activation to a loopback receiver with a Liquid mapping previewed
/// live, a test event, and the delivery counts once the delivery task has run.
/// </summary>
public sealed class FullFlowTests(BrowserSite site) : IClassFixture<BrowserSite>, IAsyncLifetime
{
    private LoopbackReceiver _receiver = default!;

    public async Task InitializeAsync() => _receiver = await LoopbackReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task GraphToDelivery_ByTheScreens_DeliversEveryMemberTheCountsShow()
    {
        var page = await site.SignInAsAdminAsync();

        // 1. The demo data graph, by picking the warehouse's tables.
        var graphs = new GraphEditorPage(page);
        await graphs.OpenNewAsync("Cards", "cards");
        await graphs.DefineAsync(JsonNode.Parse(RepositoryFiles.DemoGraph)!);
        Assert.True(await graphs.CheckAsync());
        var builder = new BuilderPage(page, () => site.BrowserErrorsQueue);
        await builder.PublishAsync();
        await Screens.KeepAsync(page, "50-flow-graph-published");

        // 2. Use case 1 on it, by clicking; the preview counts what the engine's members query returns.
        await builder.OpenNewAsync("Outstanding cards", "flow-uc1", graphKey: "cards");
        await builder.BuildUseCase1Async();
        var expected = await EngineMembersAsync(await builder.DefinitionJson.InputValueAsync(), "cards");
        await page.Locator("#la-preview-open").ClickAsync();
        var count = page.Locator("#la-preview-count");
        await count.WaitForAsync();
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), await count.GetAttributeAsync("data-count"));
        await Screens.KeepAsync(page, "51-flow-preview");
        await page.Keyboard.PressAsync("Escape");
        await builder.PublishAsync();
        var audienceId = await PublishedAudienceIdAsync("flow-uc1");

        // 3. Enable on the Overview (it runs at once), Run now, and both runs on the Runs tab.
        await page.GotoAsync($"/Admin/LinkedAudiences/Audiences/Overview/{audienceId}");
        await ClickAsync(page, "button[data-action='enable']");
        await Assertions.Expect(page.Locator("#audience-status")).ToHaveAttributeAsync("data-status", "Live", new() { Timeout = 120_000 });
        Assert.Equal(expected.ToString("N0", CultureInfo.InvariantCulture), (await page.Locator("#audience-members").InnerTextAsync()).Trim());
        await ClickAsync(page, "button[data-action='run-now']");
        await page.Locator("#audience-tabs a[data-tab='Runs']").ClickAsync();
        var runs = page.Locator("#audience-run-history tbody tr[data-run-id]");
        await Assertions.Expect(runs).ToHaveCountAsync(2);
        Assert.Equal(["Succeeded", "Succeeded"], await runs.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.status)"));
        await Screens.KeepAsync(page, "52-flow-runs");

        // 4. A webhook activation that also sends the members already in, its Liquid mapping previewed for a real member.
        await page.GotoAsync("/Admin/Contents/ContentTypes/Activation/Create");
        await page.Locator("#TitlePart_Title").FillAsync("Outstanding cards → webhook");
        await page.Locator("#ActivationPart_AudienceKey").FillAsync("flow-uc1");
        await page.Locator("#ActivationPart_Trigger").SelectOptionAsync("audienceEntered");
        await page.Locator("#ActivationPart_DestinationKind").SelectOptionAsync("webhook");
        await page.Locator("#ActivationPart_Url").FillAsync(_receiver.Url("flow"));
        await page.Locator("#la-trait-email").CheckAsync();
        await page.Locator("#ActivationPart_SendExistingMembers").CheckAsync();
        await page.Locator("#ActivationPart_Enabled").CheckAsync();
        await page.Locator("#ActivationPart_Mapping").FillAsync("""{"user": "{{ event.userId }}", "email": "{{ traits.email | downcase }}"}""");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-la-preview-payload]')?.textContent.includes('\"user\"') && !document.querySelector('[data-la-activation-preview]').hasAttribute('aria-busy')");
        var previewed = JsonNode.Parse(await page.Locator("[data-la-preview-payload]").TextContentAsync() ?? "null")!;
        Assert.StartsWith("u", (string?)previewed["user"], StringComparison.Ordinal);
        await Screens.KeepAsync(page, "53-flow-liquid-preview");
        await builder.PublishAsync();
        var activationId = await PublishedActivationIdAsync("flow-uc1");

        // 5. A test event: what was sent is what the receiver got.
        await page.GotoAsync($"/Admin/LinkedAudiences/Activations/TestEvent/{activationId}");
        await page.Locator("#UserId").FillAsync((string)previewed["user"]!);
        await page.Locator("#activation-test-event button[type=submit]").ClickAsync();
        await page.Locator("#test-event-status").WaitForAsync();
        Assert.Equal("200", await page.Locator("#test-event-status").TextContentAsync());
        Assert.Equal(Assert.Single(_receiver.On("flow")).Body, await page.Locator("#test-event-sent-body").TextContentAsync());
        await Screens.KeepAsync(page, "54-flow-test-event");

        // 6. The delivery task runs; the overview counts every member once, as the receiver does.
        await site.InTenantAsync(async s =>
        {
            await s.GetServices<IBackgroundTask>().OfType<ActivationDeliveryBackgroundTask>().Single().DoWorkAsync(s, CancellationToken.None);
            return 0;
        });
        await page.GotoAsync($"/Admin/LinkedAudiences/Activations/Delivery/{activationId}");
        var row = page.Locator("tr[data-kind='profileEntered']");
        await row.WaitForAsync();
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), await row.Locator("[data-count='delivered']").TextContentAsync());
        var delivered = _receiver.DeliveredEvents("flow");
        Assert.Equal(expected + 1, delivered.Count);
        Assert.Equal(expected, delivered.Skip(1).Select(e => (string?)e["user"]).Distinct(StringComparer.Ordinal).Count());
        await Screens.KeepAsync(page, "55-flow-delivery-overview");
        Assert.DoesNotContain(site.BrowserErrorsQueue, e => e.Contains("/Admin/", StringComparison.Ordinal));
    }

    private static async Task ClickAsync(IPage page, string selector)
    {
        var button = page.Locator(selector);
        await button.FocusAsync();
        await button.ClickAsync();
    }

    /// <summary>The definition's members by the engine's member query (what the CLI's <c>members</c> prints) over the site's warehouse.</summary>
    private Task<long> EngineMembersAsync(string definitionJson, string graphKey) =>
        site.InTenantAsync(async s =>
        {
            var graph = await PublishedGraphAsync(s, graphKey);
            var warehouse = await s.GetRequiredService<WarehouseConnector>().OpenAsync(CancellationToken.None);
            await using (warehouse as IAsyncDisposable)
            {
                var members = 0L;
                var engine = new AudienceEngine(graph, new NoAudiences());
                await foreach (var _ in engine.MembersAsync(warehouse!, LinkedAudiencesJson.ParseAudience(definitionJson), DemoWarehouseOptions.DefaultAnchor, CancellationToken.None))
                {
                    members++;
                }

                return members;
            }
        });

    private static async Task<Core.Graph.DataGraph> PublishedGraphAsync(IServiceProvider services, string key)
    {
        var row = await services.GetRequiredService<ISession>().QueryIndex<DataGraphIndex>(x => x.GraphKey == key && x.Published).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException($"The graph '{key}' was not published.");
        var item = await services.GetRequiredService<IContentManager>().GetAsync(row.ContentItemId, VersionOptions.Published);
        return LinkedAudiencesJson.ParseGraph(item!.GetOrCreate<DataGraphPart>().Graph);
    }

    private Task<string> PublishedAudienceIdAsync(string key) =>
        site.InTenantAsync(async s => (await s.GetRequiredService<ISession>().QueryIndex<LinkedAudienceIndex>(x => x.AudienceKey == key && x.Published).FirstOrDefaultAsync())?.ContentItemId
            ?? throw new InvalidOperationException($"The audience '{key}' was not published."));

    private Task<string> PublishedActivationIdAsync(string audienceKey) =>
        site.InTenantAsync(async s => (await s.GetRequiredService<ISession>().QueryIndex<ActivationIndex>(x => x.AudienceKey == audienceKey && x.Published).FirstOrDefaultAsync())?.ContentItemId
            ?? throw new InvalidOperationException($"No activation of '{audienceKey}' was published."));

    private sealed class NoAudiences : IAudienceCatalog
    {
        public Task<AudienceDefinition?> FindAsync(string audienceKey, CancellationToken cancellationToken) => Task.FromResult<AudienceDefinition?>(null);
    }
}
