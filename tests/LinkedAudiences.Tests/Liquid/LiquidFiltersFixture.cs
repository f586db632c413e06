using LinkedAudiences.Core.Runs;
using LinkedAudiences.Services.Runs;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Tests.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace LinkedAudiences.Tests.Liquid;

/// <summary>
/// The demo host with a demo warehouse, the demo recipe's platinum audience enabled (so it has run once), a member and
/// a non-member of it, and two users: one whose role holds only ViewAudiences, one whose role does not.
/// </summary>
public sealed class LiquidFiltersFixture : IAsyncLifetime
{
    public const string Audience = "platinum-members";
    public const string Viewer = "liquid-viewer";
    public const string Visitor = "liquid-visitor";

    public Site Site { get; } = new();

    public string Warehouse { get; private set; } = "";

    public string Member { get; private set; } = "";

    public string Outsider { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Site.InitializeAsync();
        Warehouse = await Site.UseDemoWarehouseAsync();
        using var admin = await Site.SignInAsAdminAsync();
        await admin.SubmitAsync($"/Admin/LinkedAudiences/Runs/Overview/{Audience}", $"/Admin/LinkedAudiences/Runs/Enable/{Audience}", []);
        var run = await RunsSupport.EventuallyAsync(LastRunAsync, r => r?.Status == RunStatus.Succeeded);
        Assert.True(run?.Status == RunStatus.Succeeded, $"The audience did not run: {run?.Status} {run?.Error}");
        Member = (await RunsSupport.EngineMembersAsync(Warehouse, Audience)).Order(StringComparer.Ordinal).First();
        Outsider = (await RunsSupport.ProfileIdsAsync(Warehouse, "plan <> 'platinum'"))[0];
        await Site.CreateRoleAsync("AudienceViewer", "ViewAudiences");
        await Site.CreateRoleAsync("Visitor", "AccessAdminPanel");
        await Site.CreateUserAsync(Viewer, "AudienceViewer");
        await Site.CreateUserAsync(Visitor, "Visitor");
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Site).DisposeAsync();

    /// <summary>The audience's newest run, read from the tenant's run store.</summary>
    public Task<RunRecord?> LastRunAsync() =>
        Site.InTenantAsync<RunRecord?>(async services =>
        {
            var runs = (await services.GetRequiredService<TenantStateStore>().GetAsync(CancellationToken.None)).Runs;
            var newest = await runs.ListRunsAsync(Audience, 1, CancellationToken.None);
            return newest.Count == 0 ? null : newest[0];
        });
}
