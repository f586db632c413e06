using LinkedAudiences.Core.Runs;
using LinkedAudiences.Services.Runs;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Tests.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace LinkedAudiences.Tests.Liquid;

/// <summary>
/// The demo host with a demo warehouse, the demo recipe's platinum and UC1 audiences enabled (so each has run once),
/// a member and a non-member of the first and a member of the second, and two users: one whose role holds only ViewAudiences, one whose role does not.
/// </summary>
public sealed class LiquidFiltersFixture : IAsyncLifetime
{
    public const string Audience = "platinum-members";

    /// <summary>A demo audience with matched entities (accounts, then their credit cards with an outstanding balance).</summary>
    public const string CardAudience = "uc1-outstanding-credit-card";
    public const string Viewer = "liquid-viewer";
    public const string Visitor = "liquid-visitor";

    public Site Site { get; } = new();

    public string Warehouse { get; private set; } = "";

    public string Member { get; private set; } = "";

    public string Outsider { get; private set; } = "";

    public string CardMember { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Site.InitializeAsync();
        Warehouse = await Site.UseDemoWarehouseAsync();
        using var admin = await Site.SignInAsAdminAsync();
        foreach (var audience in new[] { Audience, CardAudience })
        {
            await admin.SubmitAsync($"/Admin/LinkedAudiences/Runs/Overview/{audience}", $"/Admin/LinkedAudiences/Runs/Enable/{audience}", []);
            var run = await RunsSupport.EventuallyAsync(() => LastRunAsync(audience), r => r?.Status == RunStatus.Succeeded);
            Assert.True(run?.Status == RunStatus.Succeeded, $"{audience} did not run: {run?.Status} {run?.Error}");
        }

        CardMember = (await RunsSupport.EngineMembersAsync(Warehouse, CardAudience)).Order(StringComparer.Ordinal).First();
        Member = (await RunsSupport.EngineMembersAsync(Warehouse, Audience)).Order(StringComparer.Ordinal).First();
        Outsider = (await RunsSupport.ProfileIdsAsync(Warehouse, "plan <> 'platinum'"))[0];
        await Site.CreateRoleAsync("AudienceViewer", "ViewAudiences");
        await Site.CreateRoleAsync("Visitor", "AccessAdminPanel");
        await Site.CreateUserAsync(Viewer, "AudienceViewer");
        await Site.CreateUserAsync(Visitor, "Visitor");
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Site).DisposeAsync();

    /// <summary>The audience's newest run, read from the tenant's run store.</summary>
    public Task<RunRecord?> LastRunAsync(string audience = Audience) =>
        Site.InTenantAsync<RunRecord?>(async services =>
        {
            var runs = (await services.GetRequiredService<TenantStateStore>().GetAsync(CancellationToken.None)).Runs;
            var newest = await runs.ListRunsAsync(audience, 1, CancellationToken.None);
            return newest.Count == 0 ? null : newest[0];
        });
}
