using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Models;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Warehouses.DuckDb;
using LinkedAudiences.Workflows.Activities;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.Entities;
using OrchardCore.Settings;

namespace LinkedAudiences.Tests.Workflows;

/// <summary>The bridge across a host restart: what the stopped host fired is not fired again, the rest fires once.</summary>
public sealed class WorkflowBridgeRestartTests : IDisposable
{
    private const string Key = "wf-restart";

    private readonly string _appData = Path.Combine(Path.GetTempPath(), "la-orchard-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_appData, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing host; the temp folder is cleaned by the OS.
        }
    }

    [Fact]
    public async Task HostRestartMidBridge_FiresNothingTwice_AndTheRestOnce()
    {
        using var receiver = new LoopbackReceiver();
        string enteredType, changedType;
        int firstHostInstances;
        string runId;
        var errors = new List<string>();

        await using (var first = new RestartableSite(_appData))
        {
            await first.StartAsync();
            await UseDemoWarehouseAsync(first);
            using (var admin = await first.SignInAsAdminAsync())
            {
                var created = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("Platinum (restart)", Key, RepositoryFiles.Audience("platinum-members")));
                Assert.Equal(System.Net.HttpStatusCode.Redirect, created.Status);
            }

            enteredType = await first.CreateEventWorkflowAsync(nameof(ProfileEnteredAudienceEvent), Key, $"{receiver.BaseUrl}/entered");
            changedType = await first.CreateEventWorkflowAsync(nameof(AudienceMembershipChangedEvent), Key, $"{receiver.BaseUrl}/changed");
            await first.EnableAsync(Key);
            runId = (await first.RunsAsync(Key))[0].RunId;

            // The host stops mid-bridge: 7 events fired, the rest not yet.
            var partial = await first.PumpAsync(maxEvents: 7);
            Assert.Equal((7, 7, 0), (partial.Events, partial.Fired, partial.Runs));
            firstHostInstances = (await first.InstancesAsync(enteredType)).Count + (await first.InstancesAsync(changedType)).Count;
            errors.AddRange(first.Logs.Errors);
        }

        await using var second = new RestartableSite(_appData);
        await second.StartAsync();
        var rest = await second.PumpAsync();
        var again = await second.PumpAsync();
        var outbox = await second.OutboxAsync(runId);
        var instances = (await second.InstancesAsync(enteredType)).Concat(await second.InstancesAsync(changedType)).ToList();
        errors.AddRange(second.Logs.Errors);

        Assert.Equal(7, firstHostInstances);
        Assert.True(outbox.Count > 20, $"The first run brings enough events ({outbox.Count}).");
        Assert.Equal(outbox.Count - 7, rest.Fired);
        Assert.Equal(1, rest.Runs);
        Assert.Equal((0, 0), (again.Events, again.Runs));
        Assert.Equal(outbox.Select(e => e.MessageId).Order(StringComparer.Ordinal), instances.Select(w => w.CorrelationId).Order(StringComparer.Ordinal));
        Assert.Equal(outbox.Select(e => e.MessageId).Order(StringComparer.Ordinal), receiver.Requests.Select(r => r.MessageId!).Order(StringComparer.Ordinal));
        Assert.Empty(errors);
    }

    private async Task UseDemoWarehouseAsync(RestartableSite host)
    {
        var path = Path.Combine(_appData, "warehouse.duckdb");
        await using (var warehouse = await DuckDbWarehouse.OpenAsync(path, DuckDbDialect.Instance, CancellationToken.None))
        {
            await DemoWarehouseBuilder.BuildAsync(warehouse, new DemoWarehouseOptions { Profiles = 150 }, CancellationToken.None);
        }

        await host.InTenantAsync(async services =>
        {
            var siteService = services.GetRequiredService<ISiteService>();
            var site = await siteService.LoadSiteSettingsAsync();
            site.Alter<LinkedAudiencesSettings>(s =>
            {
                s.WarehouseKind = "duckdb";
                s.DuckDbPath = path;
                s.ProtectedConnectionString = null;
            });
            await siteService.UpdateSiteSettingsAsync(site);
            return true;
        });
    }
}
