using System.Text.Json.Nodes;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Tests.Runs;
using Xunit.Abstractions;

namespace LinkedAudiences.Tests.Delivery;

/// <summary>
/// Delivery survives a host restart: a first host delivers part of a run's events (one batch delivered, one failed
/// for retry, the rest not yet sent) and stops; a second host over the same App_Data (same tenant database, same Data
/// Protection keys, same warehouse) delivers the rest, and nothing the first delivered is sent again.
/// </summary>
public sealed class RestartDeliveryTests(ITestOutputHelper output)
{
    private const string Secret = "hmac-restart-2b7c41e0";

    [Fact]
    public async Task Restart_SecondHostOverTheSameAppData_DeliversWhatTheFirstLeftPending_NothingTwice()
    {
        var appData = Path.Combine(Path.GetTempPath(), "la-orchard-tests", Guid.NewGuid().ToString("N"));
        await using var receiver = await LoopbackReceiver.StartAsync();
        // The first host: Orchard's own timer off (only the test ticks), one round per tick, 10 events per pass.
        var first = Site.Over(appData, new Dictionary<string, string>
        {
            ["OrchardCore:OrchardCore_BackgroundService:PollingTime"] = "01:00:00",
            ["OrchardCore:LinkedAudiences:Delivery:TickBudget"] = "00:00:00.001",
            ["OrchardCore:LinkedAudiences:Delivery:MaxEventsPerPass"] = "10",
        }, keepAppData: true);
        receiver.Respond("hook", n => n == 2 ? new Answer(503, "{\"error\":\"down\"}") : Answer.Ok);
        JsonNode run;
        try
        {
            await ((IAsyncLifetime)first).InitializeAsync();
            await first.UseDemoWarehouseAsync(200);
            using var admin = await first.SignInAsAdminAsync();
            await admin.CreateAudienceAsync("dl-restart", RepositoryFiles.Audience("platinum-members"));
            await admin.CreateActivationAsync(new JsonObject
            {
                ["title"] = "Restart hook",
                ["audienceKey"] = "dl-restart",
                ["trigger"] = "audienceEntered",
                ["destinationKind"] = "webhook",
                ["url"] = receiver.Url("hook"),
                ["secret"] = Secret,
                ["batchSize"] = 5,
                ["maxConcurrency"] = 1,
                ["initialBackoffSeconds"] = 0,
                ["enabled"] = true,
            });
            run = await admin.EnableAsync("dl-restart");
            await first.DeliverAsync();
        }
        finally
        {
            await ((IAsyncLifetime)first).DisposeAsync();
        }

        var beforeRestart = receiver.Requests.Count;
        var deliveredByFirst = receiver.DeliveredEvents("hook").Select(e => (string)e["messageId"]!).ToList();
        var second = Site.Over(appData, new Dictionary<string, string>(), keepAppData: false);
        try
        {
            await ((IAsyncLifetime)second).InitializeAsync();
            await second.DeliverAsync();
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }

        var members = (int)(long)run["summary"]!["entered"]!;
        var afterRestart = receiver.On("hook").Where(r => r.Number > beforeRestart).ToList();
        var all = receiver.DeliveredEvents("hook").Select(e => (string)e["messageId"]!).ToList();
        var sentAfterRestart = afterRestart.SelectMany(r => JsonNode.Parse(r.Body)!.AsArray()).Select(e => (string)e!["messageId"]!).ToHashSet();
        output.WriteLine($"members {members}, delivered by the first host {deliveredByFirst.Count}, requests after the restart {afterRestart.Count}");

        Assert.True(members > 15, $"{members} platinum members: more than the first host's one pass.");
        Assert.Equal((2, 5), (beforeRestart, deliveredByFirst.Count));
        Assert.Equal(members, all.Count);
        Assert.Equal(members, all.Distinct().Count());
        Assert.Empty(sentAfterRestart.Intersect(deliveredByFirst));
        Assert.All(afterRestart, r => Assert.Equal(DeliverySupport.Signature(r.Body, Secret), r.Headers["X-LinkedAudiences-Signature"]));
    }
}
