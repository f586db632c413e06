using System.Net;
using System.Text.Json.Nodes;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Tests.Runs;

namespace LinkedAudiences.Tests.Delivery;

/// <summary>A receiver that fails (500, 429, a timeout) and recovers, and one that refuses (400): once each by messageId, failures with their body.</summary>
public sealed class FaultDeliveryTests(Site site) : IClassFixture<Site>, IAsyncLifetime
{
    private LoopbackReceiver _receiver = default!;

    public async Task InitializeAsync() => _receiver = await LoopbackReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Deliver_ReceiverFailsThenRecovers_EveryMessageIdDeliveredOnce_ABadRequestEndsFailedWithItsBody()
    {
        await site.UseDemoWarehouseAsync(80);
        using var admin = await site.SignInAsAdminAsync();
        await admin.CreateAudienceAsync("dl-faults", RepositoryFiles.Audience("platinum-members"));
        _receiver.Respond("flaky", n => n switch
        {
            1 or 2 => new Answer(500, "{\"error\":\"busy\"}"),
            3 => new Answer(429, "{\"error\":\"slow down\"}", RetryAfter: "0"),
            4 => new Answer(200, Delay: TimeSpan.FromSeconds(5)),
            _ => Answer.Ok,
        });
        _receiver.Respond("refuse", _ => new Answer(400, "{\"error\":\"missing field crm_id\"}"));
        var flaky = await admin.CreateActivationAsync(Activation("flaky"));
        var refused = await admin.CreateActivationAsync(Activation("refuse"));

        var run = await admin.EnableAsync("dl-faults");
        await site.DeliverAsync();
        await site.DeliverAsync();

        var members = (int)(long)run["summary"]!["entered"]!;
        Assert.True(members > 9, $"{members} platinum members: enough for more than four batches.");
        var delivered = _receiver.DeliveredEvents("flaky").Select(e => (string)e["messageId"]!).ToList();
        Assert.Equal(members, delivered.Count);
        Assert.Equal(members, delivered.Distinct().Count());
        var failedAttempts = _receiver.On("flaky").Where(r => r.Status != 200 || r.Delay is not null).SelectMany(r => JsonNode.Parse(r.Body)!.AsArray()).Select(e => (string)e!["messageId"]!).ToList();
        Assert.Equal(4, _receiver.On("flaky").Count(r => r.Status != 200 || r.Delay is not null));
        Assert.Subset(delivered.ToHashSet(), failedAttempts.ToHashSet());

        var flakyTotals = DeliverySupport.Totals(await admin.OverviewAsync(flaky), "profileEntered");
        Assert.Equal((members, members, 0L, 0L, 0L), ((long)flakyTotals["fromAudience"]!, (long)flakyTotals["delivered"]!, (long)flakyTotals["pending"]!, (long)flakyTotals["pendingRetry"]!, (long)flakyTotals["failed"]!));

        var refusedOverview = await admin.OverviewAsync(refused);
        var refusedTotals = DeliverySupport.Totals(refusedOverview, "profileEntered");
        Assert.Equal((members, 0L), ((long)refusedTotals["failed"]!, (long)refusedTotals["delivered"]!));
        Assert.Contains("missing field crm_id", (string)refusedOverview["kinds"]![0]!["lastError"]!, StringComparison.Ordinal);
        Assert.Equal(members, _receiver.On("refuse").Sum(r => JsonNode.Parse(r.Body)!.AsArray().Count));
    }

    private JsonObject Activation(string path) => new()
    {
        ["title"] = "dl-faults → " + path,
        ["audienceKey"] = "dl-faults",
        ["trigger"] = "audienceEntered",
        ["destinationKind"] = "webhook",
        ["url"] = _receiver.Url(path),
        ["batchSize"] = 3,
        ["maxConcurrency"] = 1,
        ["initialBackoffSeconds"] = 0,
        ["maxAttempts"] = 8,
        ["timeoutSeconds"] = 1,
        ["enabled"] = true,
    };
}
