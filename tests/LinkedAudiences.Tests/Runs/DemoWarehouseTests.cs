using System.Net;
using LinkedAudiences.Models;
using LinkedAudiences.Services.Runs;
using LinkedAudiences.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LinkedAudiences.Tests.Runs;

/// <summary>The demo warehouse a tenant generates on its first start when none is configured; deleting an audience forgets its runs.</summary>
public sealed class DemoWarehouseTests(Site site) : IClassFixture<Site>
{
    [Fact]
    public async Task Ensure_NoWarehouseConfigured_GeneratesTheDemoWarehouseOnceAndAudiencesRunOnIt()
    {
        await site.SaveSettingsAsync(s => (s.WarehouseKind, s.DuckDbPath) = (null, null));

        var generated = await site.InTenantAsync(s => s.GetRequiredService<DemoWarehouseSetup>().EnsureAsync(150, CancellationToken.None));
        var again = await site.InTenantAsync(s => s.GetRequiredService<DemoWarehouseSetup>().EnsureAsync(150, CancellationToken.None));
        var settings = await site.SettingsAsync();
        var expected = Path.Combine(site.AppData, "Sites", "Default", DemoWarehouseSetup.FileName);

        Assert.Equal((true, false), (generated, again));
        Assert.Equal(("duckdb", expected), (settings.WarehouseKind, settings.DuckDbPath));
        var profiles = await RunsSupport.ProfileIdsAsync(expected, "true");
        Assert.Equal(150, profiles.Count);

        using var admin = await site.SignInAsAdminAsync();
        var members = await RunsSupport.EngineMembersAsync(expected, "platinum-members");
        var enabled = await admin.SubmitAsync("/Admin/LinkedAudiences/Runs/Overview/platinum-members", "/Admin/LinkedAudiences/Runs/Enable/platinum-members", new());
        var runs = (await admin.GetJsonAsync("/api/linked-audiences/audiences/platinum-members/runs")).Json!.AsArray();

        Assert.Equal(HttpStatusCode.Redirect, enabled.Status);
        Assert.Equal((long)members.Count, (long)Assert.Single(runs)!["summary"]!["members"]!);
    }

    [Fact]
    public async Task Delete_AnAudienceThatRan_ForgetsItsRuns()
    {
        await site.UseDemoWarehouseAsync(60);
        using var admin = await site.SignInAsAdminAsync();
        var fields = AdminForms.Audience("Platinum (deleted)", "run-deleted", RepositoryFiles.Audience("platinum-members"));
        fields["LinkedAudiencePart.Enabled"] = "true";
        var created = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), fields);
        var id = created.EditedItemId();
        var ran = await RunsSupport.EventuallyAsync(() => RunCountAsync("run-deleted"), n => n > 0);

        var deleted = await admin.SubmitAsync(AdminForms.EditPath(id), AdminForms.DeletePath(id), new());
        var left = await RunsSupport.EventuallyAsync(() => RunCountAsync("run-deleted"), n => n == 0);

        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Equal((1, 0), (ran, left));
    }

    private Task<int> RunCountAsync(string key) =>
        site.InTenantAsync(async s => (await s.GetRequiredService<AudienceRuns>().ListRunsAsync(key, CancellationToken.None)).Count);
}
