using System.Net;
using System.Text.Json.Nodes;
using LinkedAudiences.BackgroundTasks;
using LinkedAudiences.Core.State;
using LinkedAudiences.Models;
using LinkedAudiences.Services.Runs;
using LinkedAudiences.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.BackgroundTasks;

namespace LinkedAudiences.Tests.Runs;

/// <summary>Audiences running inside the real host: enable, Run now, the scheduler's background task, a failing warehouse.</summary>
public sealed class AudienceRunTests(Site site) : IClassFixture<Site>
{
    private const string Definition = "platinum-members";

    [Fact]
    public async Task PublishEnabled_RunsTheAudience_RunShowsTheEngineMemberCountInAdminAndApi()
    {
        var warehouse = await site.UseDemoWarehouseAsync();
        var expected = (await RunsSupport.EngineMembersAsync(warehouse, Definition)).Count;
        using var admin = await site.SignInAsAdminAsync();
        var fields = AdminForms.Audience("Platinum (enabled)", "run-enabled", RepositoryFiles.Audience(Definition));
        fields["LinkedAudiencePart.Enabled"] = "true";

        var created = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), fields);
        var runs = await RunsSupport.EventuallyAsync(() => admin.GetJsonAsync("/api/linked-audiences/audiences/run-enabled/runs"), r => r.Json?.AsArray().Count > 0);
        var overview = await admin.GetAsync("/Admin/LinkedAudiences/Runs/Overview/run-enabled");

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.True(expected > 0, "The demo warehouse has platinum members.");
        var run = Assert.Single(runs.Json!.AsArray())!;
        Assert.Equal(("succeeded", "enabled", 1), ((string?)run["status"], (string?)run["trigger"], (int?)run["definitionVersion"]));
        Assert.Equal((expected, expected, 0L), ((long)run["summary"]!["members"]!, (long)run["summary"]!["entered"]!, (long)run["summary"]!["exited"]!));
        Assert.Equal(HttpStatusCode.OK, overview.Status);
        Assert.Contains("data-status=\"Live\"", overview.Body, StringComparison.Ordinal);
        Assert.Contains($"<td data-field=\"members\">{expected}</td>", overview.Body, StringComparison.Ordinal);
        var index = await site.AudienceIndexAsync("run-enabled");
        Assert.Equal(("Live", true), (index!.Status, index.Enabled));
    }

    [Fact]
    public async Task RunNow_AfterChurnInTheWarehouse_ReportsWhoEnteredAndWhoExited()
    {
        var warehouse = await site.UseDemoWarehouseAsync();
        using var admin = await site.SignInAsAdminAsync();
        await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("Platinum (churn)", "run-churn", RepositoryFiles.Audience(Definition)));
        var overviewPath = "/Admin/LinkedAudiences/Runs/Overview/run-churn";
        var enabled = await admin.SubmitAsync(overviewPath, "/Admin/LinkedAudiences/Runs/Enable/run-churn", new());
        var before = await RunsSupport.EngineMembersAsync(warehouse, Definition);

        var joining = (await RunsSupport.ProfileIdsAsync(warehouse, "plan <> 'platinum'")).Take(3).ToList();
        var leaving = (await RunsSupport.ProfileIdsAsync(warehouse, "plan = 'platinum'")).Take(2).ToList();
        await RunsSupport.ExecuteAsync(warehouse, $"UPDATE profiles SET plan = 'platinum' WHERE profile_id IN ({Quoted(joining)})");
        await RunsSupport.ExecuteAsync(warehouse, $"UPDATE profiles SET plan = 'free' WHERE profile_id IN ({Quoted(leaving)})");
        var after = await RunsSupport.EngineMembersAsync(warehouse, Definition);

        var ran = await admin.SubmitAsync(overviewPath, "/Admin/LinkedAudiences/Runs/RunNow/run-churn", new());
        var overview = await admin.GetAsync(overviewPath);
        var runs = (await admin.GetJsonAsync("/api/linked-audiences/audiences/run-churn/runs")).Json!.AsArray();

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (enabled.Status, ran.Status));
        Assert.Equal(before.Count + 3 - 2, after.Count);
        Assert.Equal(2, runs.Count);
        var latest = runs[0]!;
        Assert.Equal(("succeeded", "manual"), ((string?)latest["status"], (string?)latest["trigger"]));
        Assert.Equal((after.Count, 3L, 2L), ((long)latest["summary"]!["members"]!, (long)latest["summary"]!["entered"]!, (long)latest["summary"]!["exited"]!));
        Assert.Equal(2L, (long)latest["membershipVersion"]!);
        Assert.Contains("<td data-field=\"entered\">3</td>", overview.Body, StringComparison.Ordinal);
        Assert.Contains("<td data-field=\"exited\">2</td>", overview.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackgroundTask_DueIntervalAudience_RunsItOnScheduleAndSchedulesTheNextRun()
    {
        await site.UseDemoWarehouseAsync();
        using var admin = await site.SignInAsAdminAsync();
        var fields = AdminForms.Audience("Platinum (every 15m)", "run-interval", RepositoryFiles.Audience(Definition), scheduleKind: "Interval", intervalMinutes: "15");
        fields["LinkedAudiencePart.Enabled"] = "true";
        await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), fields);
        var first = await RunsSupport.EventuallyAsync(() => StateAsync("run-interval"), s => s.Status == AudienceStatus.Live);
        var due = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        await site.InTenantAsync(s => s.GetRequiredService<ContentAudienceStore>().UpdateStateAsync("run-interval", first with { NextRunAt = due }, CancellationToken.None));

        var claimed = await StateAsync("run-interval");
        await site.InTenantAsync(s => s.GetServices<IBackgroundTask>().OfType<AudienceSchedulerBackgroundTask>().Single().DoWorkAsync(s, CancellationToken.None));
        var state = await StateAsync("run-interval");
        Assert.True(claimed.NextRunAt == due, $"{claimed} / after: {state} / errors: {string.Join(" | ", site.Logs.Errors)}");
        var runs = (await admin.GetJsonAsync("/api/linked-audiences/audiences/run-interval/runs")).Json!.AsArray();

        Assert.NotNull(first.NextRunAt);
        Assert.Equal(["schedule", "enabled"], runs.Select(r => (string?)r!["trigger"]));
        Assert.Equal("succeeded", (string?)runs[0]!["status"]);
        Assert.Equal(AudienceStatus.Live, state.Status);
        Assert.True(state.NextRunAt > TimeProvider.System.GetUtcNow(), $"The next run ({state.NextRunAt}) is in the future.");
        Assert.Equal(0, state.NextRunAt!.Value.Minute % 15);
    }

    [Fact]
    public async Task TwoInstancesTicking_OneDueAudience_RunOnce()
    {
        await site.UseDemoWarehouseAsync(80);
        using var admin = await site.SignInAsAdminAsync();
        var fields = AdminForms.Audience("Platinum (two hosts)", "run-two-hosts", RepositoryFiles.Audience(Definition), scheduleKind: "Interval", intervalMinutes: "30");
        fields["LinkedAudiencePart.Enabled"] = "true";
        await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), fields);
        var live = await RunsSupport.EventuallyAsync(() => StateAsync("run-two-hosts"), s => s.Status == AudienceStatus.Live);
        await site.InTenantAsync(s => s.GetRequiredService<ContentAudienceStore>()
            .UpdateStateAsync("run-two-hosts", live with { NextRunAt = TimeProvider.System.GetUtcNow().AddMinutes(-1) }, CancellationToken.None));

        // Two host instances on one database: each its own state store (own registry of running audiences), one
        // database, so only the run lease and the state gate keep them apart.
        var ticks = await site.InTenantAsync(async s =>
        {
            var connector = s.GetRequiredService<LinkedAudiences.Services.WarehouseConnector>();
            var store = s.GetRequiredService<YesSql.IStore>();
            await using var first = new TenantStateStore(store, TimeProvider.System);
            await using var second = new TenantStateStore(store, TimeProvider.System);
            await using var a = new AudienceRuns(first, s.GetRequiredService<ContentAudienceStore>(), connector);
            await using var b = new AudienceRuns(second, s.GetRequiredService<ContentAudienceStore>(), connector);
            var results = await Task.WhenAll(a.TickAsync(CancellationToken.None), b.TickAsync(CancellationToken.None));
            return results.SelectMany(r => r).Where(r => r.AudienceKey == "run-two-hosts").ToList();
        });
        var runs = (await admin.GetJsonAsync("/api/linked-audiences/audiences/run-two-hosts/runs")).Json!.AsArray();

        Assert.Equal(["schedule", "enabled"], runs.Select(r => (string?)r!["trigger"]));
        Assert.Equal(Core.Lifecycle.LifecycleRunOutcome.Succeeded, Assert.Single(ticks, t => t.Run is not null).Outcome);
        Assert.Equal(AudienceStatus.Live, (await StateAsync("run-two-hosts")).Status);
    }

    [Fact]
    public async Task Enable_WarehouseFileMissing_ShowsFailedWithTheWarehouseMessage()
    {
        // Published against a live warehouse (publishing checks the graph against it), then the warehouse goes away.
        await site.UseDemoWarehouseAsync(50);
        using var admin = await site.SignInAsAdminAsync();
        await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("Platinum (failing)", "run-failing", RepositoryFiles.Audience(Definition)));
        var missing = Path.Combine(site.AppData, "no-such-warehouse.duckdb");
        await site.UseWarehouseAsync(missing);
        var overviewPath = "/Admin/LinkedAudiences/Runs/Overview/run-failing";

        var enabled = await admin.SubmitAsync(overviewPath, "/Admin/LinkedAudiences/Runs/Enable/run-failing", new());
        var overview = await admin.GetAsync(overviewPath);
        var audience = (await admin.GetJsonAsync("/api/linked-audiences/audiences/run-failing")).Json!;
        var runs = (await admin.GetJsonAsync("/api/linked-audiences/audiences/run-failing/runs")).Json!.AsArray();

        var message = $"The DuckDB warehouse file '{missing}' does not exist.";
        Assert.Equal(HttpStatusCode.Redirect, enabled.Status);
        Assert.Contains("data-status=\"Failed\"", overview.Body, StringComparison.Ordinal);
        Assert.Contains("no-such-warehouse.duckdb&#x27; does not exist.", overview.Body, StringComparison.Ordinal);
        Assert.Equal(("failed", message), ((string?)audience["state"]!["status"], (string?)audience["state"]!["statusReason"]));
        var run = Assert.Single(runs)!;
        Assert.Equal(("failed", message), ((string?)run["status"], (string?)run["error"]));
        Assert.Equal("Failed", (await site.AudienceIndexAsync("run-failing"))!.Status);
    }

    private Task<AudienceState> StateAsync(string key) =>
        site.InTenantAsync(async s => (await s.GetRequiredService<ContentAudienceStore>().GetAudienceAsync(key, null, CancellationToken.None))?.State ?? new AudienceState());

    private static string Quoted(IEnumerable<string> ids) => string.Join(", ", ids.Select(id => $"'{id}'"));
}
