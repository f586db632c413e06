using System.Globalization;
using System.Text.Json;
using LinkedAudiences.BrowserTests.Infrastructure;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Warehouses.DuckDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrchardCore.Workflows.Services;

namespace LinkedAudiences.BrowserTests;

/// <summary>
/// Orchard's workflow designer in a real browser: the audience activities in its picker, and a workflow built there
/// (Profile entered audience of UC1 → HTTP Request to a loopback webhook) that fires when the audience runs.
/// </summary>
public sealed class WorkflowDesignerTests(BrowserSite site) : IClassFixture<BrowserSite>, IAsyncLifetime, IDisposable
{
    private const string Uc1 = "uc1-outstanding-credit-card";
    private const string Uc1ItemId = "la-aud-02";

    private static readonly string[] EventTitles =
    [
        "Profile entered audience", "Profile exited audience", "Entity entered audience", "Entity exited audience",
        "Audience membership changed", "Audience values changed", "Audience run completed", "Audience run failed",
    ];

    private static readonly string[] TaskTitles = ["Run linked audience", "Check audience membership"];

    private string _warehouse = string.Empty;
    private readonly WebhookReceiver _receiver = new();

    public async Task InitializeAsync()
    {
        _warehouse = await site.UseNewDemoWarehouseAsync(200);
    }

    public void Dispose() => _receiver.Dispose();

    // The warehouse file lives in the site's App_Data, which the fixture removes.
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Designer_ProfileEnteredToHttpRequest_FiresOncePerEnteredMemberOnEnableAndRunNow()
    {
        var page = await site.SignInAsAdminAsync();
        try
        {
            await DesignAndRunAsync(page);
        }
        catch
        {
            // What the browser showed when it failed, for the next attempt.
            await File.WriteAllTextAsync(Path.Combine(BrowserSite.ScreenshotFolder, "69-workflow-failure.html"), await page.ContentAsync());
            await Screens.KeepAsync(page, "69-workflow-failure");
            throw;
        }
    }

    private async Task DesignAndRunAsync(IPage page)
    {
        // A new workflow type through its properties screen.
        await page.GotoAsync("/Admin/Workflows/Types");
        await page.Locator("a[href*='Workflows/Types/Create'], a[href*='Workflows/Types/EditProperties']").First.ClickAsync();
        await page.Locator("#Name").FillAsync("UC1 entered → loopback webhook (designer)");
        var isEnabled = page.Locator("#IsEnabled");
        if (await isEnabled.CountAsync() > 0 && !await isEnabled.IsCheckedAsync())
        {
            await isEnabled.CheckAsync();
        }

        await SubmitAsync(page, page.Locator("form button[type=submit]", new() { HasTextString = "Save" }).Last);
        await page.WaitForURLAsync("**/Admin/Workflows/Types/Edit/**");
        var typeId = long.Parse(page.Url.Split('?')[0].Split('/')[^1], CultureInfo.InvariantCulture);

        // The picker lists every audience activity: the events under Add Event, the tasks under Add Task.
        var visibleEvents = await PickerTitlesAsync(page, "Event");
        await Screens.KeepAsync(page, "60-workflow-picker-events");
        await page.Locator($"#activity-picker a[href*='/Activity/ProfileEnteredAudienceEvent/Add']").ClickAsync();
        await page.Locator("select[id$='_AudienceKey'], select#AudienceKey").First.SelectOptionAsync(Uc1);
        await Screens.KeepAsync(page, "61-workflow-entered-editor");
        await SubmitAsync(page, page.Locator("form[action*='/Activity/'] button[type=submit]").Last);
        await page.WaitForURLAsync("**/Admin/Workflows/Types/Edit/**");

        var visibleTasks = await PickerTitlesAsync(page, "Task");
        await Screens.KeepAsync(page, "62-workflow-picker-tasks");
        await page.Locator("#activity-picker a[href*='/Activity/HttpRequestTask/Add']").ClickAsync();
        await page.Locator("form[action*='/Activity/HttpRequestTask/'] [id$='_Url']").WaitForAsync();
        await SetFieldAsync(page, "Url", _receiver.BaseUrl + "/designer");
        await SetFieldAsync(page, "HttpMethod", "POST");
        await SetFieldAsync(page, "ContentType", "application/json");
        await SetFieldAsync(page, "Headers", "X-Message-Id: {{ Workflow.Input.MessageId }}");
        await SetFieldAsync(page, "Body", """{"profileId":"{{ Workflow.Input.ProfileId }}","runId":"{{ Workflow.Input.RunId }}","messageId":"{{ Workflow.Input.MessageId }}","audience":"{{ Workflow.Input.AudienceKey }}"}""");
        await SetFieldAsync(page, "HttpResponseCodes", "200");
        await Screens.KeepAsync(page, "63-workflow-http-editor");
        await SubmitAsync(page, page.Locator("form[action*='/Activity/'] button[type=submit]").Last);
        await page.WaitForURLAsync("**/Admin/Workflows/Types/Edit/**");

        // On the canvas: the task is moved off the event (both land at the same spot), the event made the start, and
        // the event's Done endpoint dragged onto the task with the mouse, as a person connects them.
        var canvas = page.Locator(".workflow-canvas");
        var eventBox = page.Locator(".workflow-canvas .activity[data-activity-type='Event']");
        var taskBox = page.Locator(".workflow-canvas .activity[data-activity-type='Task']");
        await Assertions.Expect(eventBox).ToHaveCountAsync(1);
        await Assertions.Expect(taskBox).ToHaveCountAsync(1);
        await Assertions.Expect(taskBox).ToBeVisibleAsync();
        var e = (await eventBox.BoundingBoxAsync())!;
        var t = (await taskBox.BoundingBoxAsync())!;
        await DragAsync(page, t.X + 20, t.Y + 8, e.X + 380, e.Y + 160);
        await canvas.ClickAsync(new() { Position = new() { X = 1000, Y = 350 } });
        var isStart = await eventBox.EvaluateAsync<bool>("el => $(el).data('activity-start') === true");
        if (!isStart)
        {
            await eventBox.ClickAsync(new() { Position = new() { X = 20, Y = 8 } });
            await page.Locator(".popover .activity-start-action").ClickAsync();
            await canvas.ClickAsync(new() { Position = new() { X = 1000, Y = 350 } });
        }

        // jsPlumb settles its endpoints after a drag; a drag that started before is tried again (at most three times).
        var connections = 0;
        for (var attempt = 0; attempt < 3 && connections == 0; attempt++)
        {
            await page.WaitForTimeoutAsync(500);
            var endpoint = await page.EvaluateAsync<double[]>("""
                () => {
                  const editor = $('.workflow-canvas').data('workflowEditor');
                  const id = $('.workflow-canvas .activity[data-activity-type=Event]').data('activity-id');
                  const r = editor.jsPlumbInstance.getEndpoint(id + '-Done').canvas.getBoundingClientRect();
                  return [r.x + r.width / 2, r.y + r.height / 2];
                }
                """);
            t = (await taskBox.BoundingBoxAsync())!;
            await DragAsync(page, endpoint[0], endpoint[1], t.X + (t.Width / 2), t.Y + (t.Height / 2));
            connections = await page.EvaluateAsync<int>("() => $('.workflow-canvas').data('workflowEditor').jsPlumbInstance.getConnections().length");
        }

        // The drag alone connects them (no call into jsPlumb): the designer's own connection listener labels it.
        Assert.Equal(1, connections);
        Assert.Equal("Done", await page.EvaluateAsync<string>("() => $('.workflow-canvas').data('workflowEditor').jsPlumbInstance.getConnections()[0].getParameters().outcome.name"));
        await Screens.KeepAsync(page, "64-workflow-designer");
        await SubmitAsync(page, page.Locator("#workflowEditorForm button[type=submit]").First);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);

        var saved = await site.InTenantAsync(async services =>
        {
            var type = await services.GetRequiredService<IWorkflowTypeStore>().GetAsync(typeId);
            return type;
        });

        // Enable UC1 on its audience screen (the first run), then churn the warehouse and click Run now.
        await page.GotoAsync($"/Admin/LinkedAudiences/Audiences/Overview/{Uc1ItemId}");
        var enable = page.Locator("button[data-action='enable']");
        await enable.FocusAsync();
        await enable.ClickAsync();
        await Assertions.Expect(page.Locator("#audience-status")).ToHaveAttributeAsync("data-status", "Live", new() { Timeout = 120_000 });
        var first = (await RunsAsync())[0];
        var afterEnable = await EventuallyAsync(() => _receiver.Requests.Count, first.Summary.Entered);

        var joiner = await JoinAsync();
        var runNow = page.Locator("button[data-action='run-now']");
        await runNow.FocusAsync();
        await runNow.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var runs = await EventuallyAsync(RunsAsync, r => r.Count == 2);
        var second = runs[0];
        var afterRunNow = await EventuallyAsync(() => _receiver.Requests.Count, first.Summary.Entered + second.Summary.Entered);
        await Screens.KeepAsync(page, "65-workflow-run-now");
        await page.GotoAsync(_receiver.BaseUrl + "/");
        await Screens.KeepAsync(page, "66-workflow-receiver");

        // The picker.
        Assert.Equal(EventTitles.Order(StringComparer.Ordinal), visibleEvents.Intersect(EventTitles.Concat(TaskTitles)).Order(StringComparer.Ordinal));
        Assert.Equal(TaskTitles.Order(StringComparer.Ordinal), visibleTasks.Intersect(EventTitles.Concat(TaskTitles)).Order(StringComparer.Ordinal));

        // What the designer saved: the event (start, UC1) → Done → the HTTP request.
        Assert.True(saved.IsEnabled);
        var start = Assert.Single(saved.Activities, a => a.IsStart);
        Assert.Equal(("ProfileEnteredAudienceEvent", Uc1), (start.Name, (string?)start.Properties["AudienceKey"]));
        var post = Assert.Single(saved.Activities, a => a.Name == "HttpRequestTask");
        var transition = Assert.Single(saved.Transitions);
        Assert.Equal((start.ActivityId, "Done", post.ActivityId), (transition.SourceActivityId, transition.SourceOutcomeName, transition.DestinationActivityId));
        Assert.Equal(_receiver.BaseUrl + "/designer", (string?)post.Properties["Url"]!["Expression"]);

        // The runs: one POST per entered member, each with its messageId in the header and the body.
        Assert.True(first.Summary.Entered > 5, $"UC1 has members in the demo warehouse ({first.Summary}).");
        Assert.Equal((1L, 0L), (second.Summary.Entered, second.Summary.Exited));
        Assert.Equal(first.Summary.Entered, afterEnable);
        Assert.Equal(first.Summary.Entered + 1, afterRunNow);
        var requests = _receiver.Requests;
        Assert.All(requests, r =>
        {
            Assert.Equal("/designer", r.Path);
            Assert.StartsWith("la-", r.MessageId, StringComparison.Ordinal);
            Assert.Equal(r.MessageId, (string?)r.Json!["messageId"]);
            Assert.Equal(Uc1, (string?)r.Json!["audience"]);
        });
        Assert.Equal(requests.Count, requests.Select(r => r.MessageId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(first.Summary.Entered, requests.Count(r => (string?)r.Json!["runId"] == first.RunId));
        var joined = Assert.Single(requests, r => (string?)r.Json!["runId"] == second.RunId);
        Assert.Equal(joiner, (string?)joined.Json!["profileId"]);
    }

    /// <summary>Opens the activity picker for events or tasks; the titles of the activities it shows.</summary>
    private static async Task<IReadOnlyList<string>> PickerTitlesAsync(IPage page, string type)
    {
        await page.Locator($"button[data-activity-type='{type}']").First.ClickAsync();
        await Assertions.Expect(page.Locator("#activity-picker")).ToBeVisibleAsync();
        // The picker filters its cards by type as it opens.
        await page.WaitForTimeoutAsync(500);
        return await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#activity-picker .card-title')]
              .filter(el => el.offsetParent !== null)
              .map(el => el.textContent.trim())
            """);
    }

    /// <summary>A field's value; a textarea under a code editor (CodeMirror) gets it through the editor, which writes it back on submit.</summary>
    private static Task SetFieldAsync(IPage page, string id, string value) =>
        page.EvaluateAsync("""
            ([id, value]) => {
              const field = document.getElementById(id) || document.querySelector(`[id$='_${id}']`);
              if (field.tagName === 'SELECT' && ![...field.options].some(o => o.value === value)) {
                field.add(new Option(value, value));
              }
              field.value = value;
              field.dispatchEvent(new Event('change', { bubbles: true }));
              const cm = field.nextElementSibling;
              if (cm && cm.CodeMirror) {
                cm.CodeMirror.setValue(value);
              }
            }
            """, new[] { id, value });

    private static async Task DragAsync(IPage page, double fromX, double fromY, double toX, double toY)
    {
        await page.Mouse.MoveAsync((float)fromX, (float)fromY);
        await page.WaitForTimeoutAsync(100);
        await page.Mouse.DownAsync();
        await page.WaitForTimeoutAsync(100);
        await page.Mouse.MoveAsync((float)((fromX + toX) / 2), (float)((fromY + toY) / 2), new() { Steps = 10 });
        await page.Mouse.MoveAsync((float)toX, (float)toY, new() { Steps = 10 });
        await page.WaitForTimeoutAsync(100);
        await page.Mouse.UpAsync();
    }

    private static async Task SubmitAsync(IPage page, ILocator button)
    {
        // Focused first: a focus change that scrolls the page mid-click sends the click elsewhere.
        await button.FocusAsync();
        await button.ClickAsync();
    }

    private Task<IReadOnlyList<Core.Runs.RunRecord>> RunsAsync() =>
        site.InTenantAsync(async services =>
            await (await services.GetRequiredService<LinkedAudiences.Services.Runs.TenantStateStore>().GetAsync(CancellationToken.None))
                .Runs.ListRunsAsync(Uc1, 50, CancellationToken.None));

    /// <summary>A profile outside UC1 with an account and a card: the card becomes outstanding; the profile's id.</summary>
    private async Task<string> JoinAsync()
    {
        await using var db = await DuckDbWarehouse.OpenAsync(_warehouse, DuckDbDialect.Instance, CancellationToken.None);
        string? profile = null;
        long card = 0;
        await foreach (var row in db.QueryAsync(new SqlQuery("""
            SELECT a.profile_id, MIN(c.card_id) FROM accounts a JOIN credit_cards c ON c.account_id = a.account_id
            WHERE a.profile_id NOT IN (SELECT a2.profile_id FROM accounts a2 JOIN credit_cards c2 ON c2.account_id = a2.account_id WHERE c2.balance_status = 'Outstanding')
            GROUP BY a.profile_id ORDER BY a.profile_id LIMIT 1
            """, []), CancellationToken.None))
        {
            profile = (string)row[0]!;
            card = Convert.ToInt64(row[1], CultureInfo.InvariantCulture);
        }

        Assert.NotNull(profile);
        await db.ExecuteAsync(new SqlQuery(FormattableString.Invariant($"UPDATE credit_cards SET balance_status = 'Outstanding' WHERE card_id = {card}"), []), CancellationToken.None);
        return profile;
    }

    private static Task<int> EventuallyAsync(Func<int> read, long expected) =>
        EventuallyAsync(() => Task.FromResult(read()), n => n >= expected);

    /// <summary>Polls for up to two minutes (the bridge runs after the request, or within a minute by its task).</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var value = await read();
            if (done(value) || attempt == 240)
            {
                return value;
            }

            await Task.Delay(500);
        }
    }
}
