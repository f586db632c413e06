using System.Globalization;
using System.Net;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Models;
using LinkedAudiences.Services.Runs;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Tests.Runs;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.ContentManagement;

namespace LinkedAudiences.Tests.Screens;

/// <summary>
/// The audience screens in the real host: each tab's data for demo audiences after a run, the folder filter, and
/// enable / Run now / clone / delete / settings / alerts through their forms with anti-forgery tokens.
/// </summary>
public sealed class AudienceScreenTests(Site site) : IClassFixture<Site>
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Fact]
    public async Task Overview_DemoAudienceAfterEnable_ShowsCountStatusLatestRunAndEveryMemberInTheExplorer()
    {
        var warehouse = await site.UseDemoWarehouseAsync();
        var expected = await RunsSupport.EngineMembersAsync(warehouse, "platinum-members");
        using var admin = await site.SignInAsAdminAsync();

        var enabled = await admin.ActAsync("Enable", ScreensSupport.PlatinumId);
        var overview = (await admin.GetAsync(ScreensSupport.TabPath("Overview", ScreensSupport.PlatinumId))).Html();
        var explored = new List<string>();
        var plans = new HashSet<string>(StringComparer.Ordinal);
        var pages = int.Parse(overview.Text("#explorer-summary").Split(" of ")[1].TrimEnd('.'), Invariant);
        for (var page = 1; page <= pages; page++)
        {
            var html = (await admin.GetAsync(ScreensSupport.TabPath("Overview", ScreensSupport.PlatinumId) + $"?page={page}")).Html();
            foreach (var row in html.QuerySelectorAll("#audience-explorer tbody tr"))
            {
                explored.Add(row.GetAttribute("data-member")!);
                plans.Add(row.QuerySelector("td[data-trait='plan']")!.TextContent);
            }
        }

        Assert.Equal(HttpStatusCode.Redirect, enabled.Status);
        Assert.True(expected.Count > 25, "The demo warehouse has more platinum members than one explorer page.");
        Assert.Equal("Live", overview.QuerySelector("#audience-status")!.GetAttribute("data-status"));
        Assert.Equal(expected.Count.ToString("N0", Invariant), overview.Text("#audience-members"));
        Assert.Equal("Manual", overview.Text("#audience-schedule"));
        Assert.Equal("Succeeded", overview.QuerySelector("#audience-latest-run")!.GetAttribute("data-status"));
        Assert.Equal(expected.Count.ToString(Invariant), overview.QuerySelector("#explorer-summary")!.GetAttribute("data-total"));
        Assert.Equal(["email", "first_name", "plan", "role", "lifetime_value", "credit_limit", "birthday", "signed_up_at"],
            overview.QuerySelectorAll("#audience-explorer thead th[data-trait]").Select(th => th.TextContent));
        Assert.Equal(expected.Order(StringComparer.Ordinal), explored);
        Assert.Equal(["platinum"], plans);
        Assert.Equal("Overview", overview.QuerySelector("#audience-tabs .nav-link.active")!.GetAttribute("data-tab"));
        Assert.Equal(["Overview", "Builder", "Runs", "Settings", "Consumers", "Alerts"],
            overview.QuerySelectorAll("#audience-tabs .nav-link").Select(a => a.GetAttribute("data-tab")));
        Assert.NotNull(overview.QuerySelector("form[action$='/RunNow/la-aud-01'] input[name='__RequestVerificationToken']"));
        Assert.NotNull(overview.QuerySelector("button[data-action='disable']"));
    }

    [Fact]
    public async Task Runs_AfterEnableAndRunNow_ListsBothRunsNewestFirstWithTimingsAndChangeSummary()
    {
        var warehouse = await site.UseDemoWarehouseAsync();
        var expected = (await RunsSupport.EngineMembersAsync(warehouse, "platinum-members")).Count;
        using var admin = await site.SignInAsAdminAsync();
        var id = await admin.CreateAudienceAsync("Platinum (runs tab)", "screens-runs", RepositoryFiles.Audience("platinum-members"));

        await admin.ActAsync("Enable", id);
        var ran = await admin.ActAsync("RunNow", id);
        var runs = (await admin.GetAsync(ScreensSupport.TabPath("Runs", id))).Html();
        var rows = runs.QuerySelectorAll("#audience-run-history tbody tr[data-run-id]");

        Assert.Equal(HttpStatusCode.Redirect, ran.Status);
        Assert.Equal(2, rows.Length);
        string Cell(int row, string field) => rows[row].QuerySelector($"td[data-field='{field}']")!.TextContent.Trim();
        Assert.Equal(["Succeeded", "Succeeded"], rows.Select(r => r.GetAttribute("data-status")));
        Assert.Equal(("Manual", expected.ToString(Invariant), "0", "0"), (rows[0].Children[2].TextContent, Cell(0, "members"), Cell(0, "entered"), Cell(0, "exited")));
        Assert.Equal(("Enabled", expected.ToString(Invariant), expected.ToString(Invariant), "0"), (rows[1].Children[2].TextContent, Cell(1, "members"), Cell(1, "entered"), Cell(1, "exited")));
        // The seeds: a run without changes shows no granular stats; one with changes shows each stage.
        Assert.Equal(["—", "—", "—"], new[] { Cell(0, "queueing"), Cell(0, "extracting"), Cell(0, "preparing") });
        Assert.All(new[] { Cell(1, "queueing"), Cell(1, "extracting"), Cell(1, "preparing"), Cell(1, "duration") }, c => Assert.Matches(@"^\d+\.\d{3} s$", c));
        Assert.Equal("Runs", runs.QuerySelector("#audience-tabs .nav-link.active")!.GetAttribute("data-tab"));
    }

    [Fact]
    public async Task List_FolderFilter_ShowsOnlyTheAudiencesFiledInThatFolder()
    {
        using var admin = await site.SignInAsAdminAsync();
        await SaveSettingsAsync(admin, "la-aud-06", "Transactions over $1,000 in the last 90 days", folder: "Cards");
        await SaveSettingsAsync(admin, "la-aud-07", "Brokers who sold over $5M in 12 months", folder: "Brokers");
        await SaveSettingsAsync(admin, "la-aud-08", "Wishlists totalling over $300", folder: "Cards");

        var all = (await admin.GetAsync(ScreensSupport.ListPath)).Html();
        var cards = (await admin.GetAsync(ScreensSupport.ListPath + "?folder=Cards")).Html();
        var none = (await admin.GetAsync(ScreensSupport.ListPath + "?folder=Nothing")).Html();

        Assert.Superset(new HashSet<string> { "Brokers", "Cards" }, all.QuerySelectorAll("#folder option").Select(o => o.GetAttribute("value")!).ToHashSet());
        Assert.True(all.QuerySelectorAll("#audience-list tbody tr").Length >= 8, "Every demo audience is listed without a filter.");
        Assert.Equal(["agg-card-transactions-over-1000-in-90-days", "agg-wishlist-over-300"],
            cards.QuerySelectorAll("#audience-list tbody tr").Select(r => r.GetAttribute("data-audience")).Order(StringComparer.Ordinal));
        Assert.All(cards.QuerySelectorAll("#audience-list td[data-field='folder']"), td => Assert.Equal("Cards", td.TextContent.Trim()));
        Assert.Equal("Cards", cards.QuerySelector("#folder option[selected]")!.GetAttribute("value"));
        Assert.Empty(none.QuerySelectorAll("#audience-list tbody tr"));
        Assert.NotNull(none.QuerySelector("#no-audiences"));
        var row = all.QuerySelector("tr[data-audience='platinum-members']")!;
        Assert.Equal(("Platinum members", "/Admin/LinkedAudiences/Audiences/Overview/la-aud-01"), (row.QuerySelector("a")!.TextContent, row.QuerySelector("a")!.GetAttribute("href")));
        Assert.NotNull(row.QuerySelector("[data-field='status']"));
        Assert.NotNull(row.QuerySelector("td[data-field='next-run']"));
    }

    [Fact]
    public async Task Settings_ValidForm_SavesNameDescriptionFolderAndScheduleWithoutANewVersion()
    {
        using var admin = await site.SignInAsAdminAsync();
        var id = await admin.CreateAudienceAsync("Settings target", "screens-settings", RepositoryFiles.Audience("platinum-members"));
        var versionsBefore = (await site.VersionsAsync(id)).Count;

        var saved = await admin.ActAsync("Settings", id, new()
        {
            ["Input.Name"] = "Renamed audience",
            ["Input.Description"] = "Platinum plan profiles, for the loyalty team.",
            ["Input.Folder"] = "Loyalty",
            ["Input.ScheduleKind"] = "DayAndTime",
            ["Input.Days"] = "Monday",
            ["Input.TimeOfDay"] = "08:30",
        }, tab: "Settings");
        var item = await site.GetAsync(id, VersionOptions.Published);
        var part = item!.Part<LinkedAudiencePart>();
        var form = (await admin.GetAsync(ScreensSupport.TabPath("Settings", id))).Html();

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("Renamed audience", item!.DisplayText);
        Assert.Equal(("Platinum plan profiles, for the loyalty team.", "Loyalty"), (part.Description, part.Folder));
        Assert.Equal((Core.Scheduling.RunScheduleKind.DayAndTime, "08:30", (int?)null), (part.ScheduleKind, part.TimeOfDay, part.IntervalMinutes));
        Assert.Equal([DayOfWeek.Monday], part.Days);
        Assert.Equal(versionsBefore, (await site.VersionsAsync(id)).Count);
        Assert.Equal("Loyalty", (await site.AudienceIndexAsync("screens-settings"))!.Folder);
        Assert.Equal("Renamed audience", form.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("#Input_Days_Monday[checked]"));
    }

    [Fact]
    public async Task Settings_BadForm_ShowsEachMessageAtItsFieldAndKeepsTheStoredValues()
    {
        using var admin = await site.SignInAsAdminAsync();
        var id = await admin.CreateAudienceAsync("Bad settings target", "screens-bad-settings", RepositoryFiles.Audience("platinum-members"));
        await admin.ActAsync("Settings", id, new() { ["Input.Name"] = "Kept name", ["Input.Folder"] = "Kept", ["Input.ScheduleKind"] = "Manual" }, tab: "Settings");

        var refused = await admin.ActAsync("Settings", id, new()
        {
            ["Input.Name"] = "  ",
            ["Input.Description"] = "Not saved either",
            ["Input.Folder"] = new string('f', 101),
            ["Input.ScheduleKind"] = "Interval",
            ["Input.IntervalMinutes"] = "",
        }, tab: "Settings");
        var part = await site.PartAsync(id);
        var item = await site.GetAsync(id, VersionOptions.Published);
        var html = refused.Html();

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(["The name is required."], refused.FieldErrors("Input.Name"));
        Assert.Single(refused.FieldErrors("Input.Folder"));
        Assert.Contains("must be one of 15, 30, 60", Assert.Single(refused.FieldErrors("Input.IntervalMinutes")), StringComparison.Ordinal);
        Assert.Empty(refused.FieldErrors("Input.Description"));
        // The form shows what was typed, so it can be corrected.
        Assert.Equal("Not saved either", html.QuerySelector("#Input_Description")!.TextContent.Trim());
        Assert.Equal(("Kept name", "Kept", (string?)null, Core.Scheduling.RunScheduleKind.Manual), (item!.DisplayText, part!.Folder, part.Description, part.ScheduleKind));
    }

    [Fact]
    public async Task Consumers_AudienceReferencedByAnotherAndDeliveredByAnActivation_ListsBoth()
    {
        using var admin = await site.SignInAsAdminAsync();
        await site.UseDemoWarehouseAsync(50);
        await admin.CreateAudienceAsync("Imports UC3", "screens-imports-uc3", ImportOf("uc3-card-holders-with-transactions"));
        await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.Activation), AdminForms.Activation("UC3 entered → webhook", "uc3-card-holders-with-transactions"));

        var consumers = (await admin.GetAsync(ScreensSupport.TabPath("Consumers", ScreensSupport.Uc3Id))).Html();
        var none = (await admin.GetAsync(ScreensSupport.TabPath("Consumers", ScreensSupport.EntityTargetId))).Html();

        var audience = Assert.Single(consumers.QuerySelectorAll("#audience-consumers tbody tr"));
        Assert.Equal("screens-imports-uc3", audience.GetAttribute("data-consumer"));
        Assert.Equal(("Imports UC3", "Import"), (audience.QuerySelector("a")!.TextContent, audience.Children[2].TextContent));
        Assert.Contains("UC3 entered → webhook", consumers.QuerySelectorAll("#activation-consumers tbody tr a").Select(a => a.TextContent));
        Assert.NotNull(none.QuerySelector("#no-audience-consumers"));
        Assert.NotNull(none.QuerySelector("#no-activation-consumers"));
    }

    [Fact]
    public async Task Delete_ConsumedAudience_IsRefusedWithTheConsumersListedAndKeepsIt()
    {
        using var admin = await site.SignInAsAdminAsync();

        var refused = await admin.ActAsync("Delete", ScreensSupport.Uc1Id);
        var overview = (await admin.GetAsync(refused.Location!)).Html();

        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.EndsWith("/Overview/" + ScreensSupport.Uc1Id, refused.Location, StringComparison.Ordinal);
        Assert.Contains(overview.QuerySelectorAll("#delete-refused li[data-consumer]").Select(li => li.TextContent),
            line => line.Contains("activation UC1 entered", StringComparison.Ordinal));
        Assert.NotNull(await site.GetAsync(ScreensSupport.Uc1Id, VersionOptions.Published));
    }

    [Fact]
    public async Task Delete_UnconsumedAudienceThatRan_RemovesItWithItsRuns()
    {
        await site.UseDemoWarehouseAsync(60);
        using var admin = await site.SignInAsAdminAsync();
        var id = await admin.CreateAudienceAsync("To delete", "screens-delete", RepositoryFiles.Audience("platinum-members"));
        await admin.ActAsync("Enable", id);

        var deleted = await admin.ActAsync("Delete", id);
        var list = (await admin.GetAsync(ScreensSupport.ListPath)).Html();
        var runs = await RunsSupport.EventuallyAsync(() => RunsOfAsync("screens-delete"), r => r.Count == 0);

        Assert.Equal((HttpStatusCode.Redirect, "/Admin/LinkedAudiences/Audiences/Index"), (deleted.Status, deleted.Location));
        Assert.Null(await site.GetAsync(id, VersionOptions.Latest));
        Assert.Null(list.QuerySelector("tr[data-audience='screens-delete']"));
        Assert.Empty(runs);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(ScreensSupport.TabPath("Overview", id))).Status);
    }

    [Fact]
    public async Task Clone_Audience_OpensADraftCopyWithTheSameConditionsInTheBuilder()
    {
        using var admin = await site.SignInAsAdminAsync();
        var source = (await site.GetAsync(ScreensSupport.EntityTargetId, VersionOptions.Published))!.Part<LinkedAudiencePart>();

        var cloned = await admin.ActAsync("Clone", ScreensSupport.EntityTargetId);
        var copyId = cloned.EditedItemId();
        var copy = await site.GetAsync(copyId, VersionOptions.Latest);
        var again = await admin.ActAsync("Clone", ScreensSupport.EntityTargetId);
        var secondCopy = (await site.GetAsync(again.EditedItemId(), VersionOptions.Latest))!.Part<LinkedAudiencePart>();

        Assert.Equal(HttpStatusCode.Redirect, cloned.Status);
        Assert.False(copy!.Published);
        Assert.Equal("Copy of Outstanding credit cards (entity target)", copy.DisplayText);
        var part = copy.Part<LinkedAudiencePart>();
        Assert.Equal(("entity-outstanding-credit-cards-copy", source.Definition, source.GraphKey, false), (part.Key, part.Definition, part.GraphKey, part.Enabled));
        Assert.Null(part.PublishedKey);
        Assert.Equal("entity-outstanding-credit-cards-copy-2", secondCopy.Key);
        Assert.NotNull(await site.GetAsync(ScreensSupport.EntityTargetId, VersionOptions.Published));
    }

    [Fact]
    public async Task Alerts_InAppSizeChangeOverThreshold_FiresAfterRunNowAndIsListedOnTheTab()
    {
        var warehouse = await site.UseDemoWarehouseAsync();
        var members = (await RunsSupport.EngineMembersAsync(warehouse, "platinum-members")).Count;
        using var admin = await site.SignInAsAdminAsync();
        var id = await admin.CreateAudienceAsync("Platinum (alerts)", "screens-alerts", RepositoryFiles.Audience("platinum-members"));
        await admin.ActAsync("Enable", id);
        // Yesterday's size: twice today's, so today's is 50% down against a 10% threshold.
        await AddPastRunAsync("screens-alerts", members * 2, TimeSpan.FromHours(25));

        var bad = await admin.ActAsync("AddAlert", id, new() { ["Input.ThresholdPercent"] = "10", ["Input.Channel"] = "slack", ["Input.Target"] = "not a url" }, tab: "Alerts");
        var added = await admin.ActAsync("AddAlert", id, new() { ["Input.ThresholdPercent"] = "10", ["Input.Channel"] = "inApp" }, tab: "Alerts");
        await admin.ActAsync("RunNow", id);
        await admin.ActAsync("RunNow", id);
        var alerts = (await admin.GetAsync(ScreensSupport.TabPath("Alerts", id))).Html();

        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Equal(["A Slack alert needs the webhook's http(s) URL."], bad.FieldErrors("Input.Target"));
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var rule = Assert.Single(alerts.QuerySelectorAll("#audience-alerts tbody tr"));
        Assert.Equal(("10%", "In-app"), (rule.QuerySelector("td[data-field='threshold']")!.TextContent, rule.QuerySelector("td[data-field='channel']")!.TextContent));
        // Each run is evaluated once: two runs, two notices.
        var notices = alerts.QuerySelectorAll("#alert-notices li [data-field='message']").Select(m => m.TextContent).ToList();
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal(
            $"Audience 'screens-alerts' has {members} members, against {members * 2} 24 hours ago (-50%, threshold 10%).", n));
        Assert.Single((await site.PartAsync(id))!.Alerts);
    }

    [Fact]
    public async Task Alerts_DeleteAlert_RemovesOnlyThatRule()
    {
        using var admin = await site.SignInAsAdminAsync();
        var id = await admin.CreateAudienceAsync("Alert rules", "screens-alert-rules", RepositoryFiles.Audience("platinum-members"));
        await admin.ActAsync("AddAlert", id, new() { ["Input.ThresholdPercent"] = "5", ["Input.Channel"] = "email", ["Input.Target"] = "team@example.com" }, tab: "Alerts");
        await admin.ActAsync("AddAlert", id, new() { ["Input.ThresholdPercent"] = "20", ["Input.Channel"] = "slack", ["Input.Target"] = "https://hooks.example.com/x" }, tab: "Alerts");
        var rules = (await site.PartAsync(id))!.Alerts;

        var deleted = await admin.ActAsync("DeleteAlert", id, new() { ["alertId"] = rules[0].Id }, tab: "Alerts");

        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        var left = Assert.Single((await site.PartAsync(id))!.Alerts);
        Assert.Equal((AudienceAlertChannels.Slack, "https://hooks.example.com/x", 20d, "admin"), (left.Channel, left.Target, left.ThresholdPercent, left.CreatedBy));
    }

    [Fact]
    public async Task Settings_IntervalOnAnEnabledAudience_SchedulesTheNextRunAtOnce()
    {
        await site.UseDemoWarehouseAsync(60);
        using var admin = await site.SignInAsAdminAsync();
        var id = await admin.CreateAudienceAsync("Manual, then every 15 minutes", "screens-reschedule", RepositoryFiles.Audience("platinum-members"));
        await admin.ActAsync("Enable", id);
        var manual = await StateAsync("screens-reschedule");

        await admin.ActAsync("Settings", id, new() { ["Input.Name"] = "Every 15 minutes", ["Input.ScheduleKind"] = "Interval", ["Input.IntervalMinutes"] = "15" }, tab: "Settings");
        var state = await RunsSupport.EventuallyAsync(() => StateAsync("screens-reschedule"), s => s.NextRunAt is not null);
        var overview = (await admin.GetAsync(ScreensSupport.TabPath("Overview", id))).Html();

        Assert.Null(manual.NextRunAt);
        Assert.True(state.NextRunAt > TimeProvider.System.GetUtcNow(), $"{state.NextRunAt} is in the future.");
        Assert.Equal(0, state.NextRunAt!.Value.Minute % 15);
        Assert.Equal("Every 15 minutes", overview.Text("#audience-schedule"));
        Assert.EndsWith("UTC", overview.Text("#audience-next-run"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertsBackgroundTask_RunOutsideTheScreens_EvaluatesTheAlertOnce()
    {
        var warehouse = await site.UseDemoWarehouseAsync();
        var members = (await RunsSupport.EngineMembersAsync(warehouse, "platinum-members")).Count;
        using var admin = await site.SignInAsAdminAsync();
        var id = await admin.CreateAudienceAsync("Platinum (scheduled alerts)", "screens-task-alerts", RepositoryFiles.Audience("platinum-members"));
        await admin.ActAsync("AddAlert", id, new() { ["Input.ThresholdPercent"] = "25", ["Input.Channel"] = "inApp" }, tab: "Alerts");
        await AddPastRunAsync("screens-task-alerts", members * 4, TimeSpan.FromHours(30));
        // Enabled through the run status page, which knows nothing of alerts: the background task finds the run.
        await admin.SubmitAsync("/Admin/LinkedAudiences/Runs/Overview/screens-task-alerts", "/Admin/LinkedAudiences/Runs/Enable/screens-task-alerts", []);

        await site.InTenantAsync(s => s.GetServices<OrchardCore.BackgroundTasks.IBackgroundTask>().OfType<Services.Audiences.AudienceAlertsBackgroundTask>().Single().DoWorkAsync(s, CancellationToken.None));
        await site.InTenantAsync(s => s.GetServices<OrchardCore.BackgroundTasks.IBackgroundTask>().OfType<Services.Audiences.AudienceAlertsBackgroundTask>().Single().DoWorkAsync(s, CancellationToken.None));
        var part = await site.PartAsync(id);

        var notice = Assert.Single(part!.AlertNotices);
        Assert.Equal($"Audience 'screens-task-alerts' has {members} members, against {members * 4} 24 hours ago (-75%, threshold 25%).", notice.Message);
        Assert.Equal((await RunsOfAsync("screens-task-alerts"))[0].RunId, Assert.Single(part.Alerts).LastRunId);
    }

    [Fact]
    public async Task AdminMenu_Administrator_LinksTheAudienceList()
    {
        using var admin = await site.SignInAsAdminAsync();

        var dashboard = (await admin.GetAsync("/Admin")).Html();

        Assert.Contains(ScreensSupport.ListPath, dashboard.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")));
    }

    private async Task SaveSettingsAsync(AdminSession admin, string id, string name, string folder)
    {
        var saved = await admin.ActAsync("Settings", id, new() { ["Input.Name"] = name, ["Input.Folder"] = folder, ["Input.ScheduleKind"] = "Manual" }, tab: "Settings");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
    }

    private Task<Core.State.AudienceState> StateAsync(string key) =>
        site.InTenantAsync(async s => (await s.GetRequiredService<ContentAudienceStore>().GetAudienceAsync(key, null, CancellationToken.None))!.State);

    private Task<IReadOnlyList<RunRecord>> RunsOfAsync(string key) =>
        site.InTenantAsync(async s => await (await s.GetRequiredService<TenantStateStore>().GetAsync(CancellationToken.None)).Runs.ListRunsAsync(key, 50, CancellationToken.None));

    private Task AddPastRunAsync(string key, long members, TimeSpan ago) =>
        site.InTenantAsync(async s =>
        {
            var at = TimeProvider.System.GetUtcNow() - ago;
            var runs = (await s.GetRequiredService<TenantStateStore>().GetAsync(CancellationToken.None)).Runs;
            await runs.CreateRunAsync(new RunRecord
            {
                RunId = "past-" + Guid.NewGuid().ToString("N"),
                AudienceKey = key,
                DefinitionVersion = 1,
                MembershipVersion = 0,
                Trigger = RunTrigger.Schedule,
                QueuedAt = at,
                StartedAt = at,
                FinishedAt = at.AddSeconds(1),
                AsOf = at,
                Status = RunStatus.Succeeded,
                Summary = new ChangeSummary(members, members, 0, 0, 0, 0),
            }, CancellationToken.None);
        });

    private static string ImportOf(string audienceKey) =>
        $$"""{"schemaVersion":1,"target":{"type":"profile"},"groups":[{"conditions":[{"kind":"audience","audience":"{{audienceKey}}","mode":"import"}]}]}""";
}
