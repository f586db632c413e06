using System.Text;
using System.Text.Json;
using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Delivery.Destinations;

namespace LinkedAudiences.Core.Tests.Delivery;

public sealed class DestinationTests
{
    [Fact]
    public async Task CloudEvents_SingleEvent_StructuredModeWithAttributes()
    {
        await using var world = new DeliveryWorld();
        var sent = world.AddEntered(1)[0];
        var activation = world.Webhook() with
        {
            Destination = new DestinationSettings { Kind = DestinationKind.CloudEvents, Url = world.Receiver.BaseUrl + "ce", Source = "/tests/aud" },
        };

        await world.DrainAsync(activation);

        var request = Assert.Single(world.Receiver.Requests);
        Assert.StartsWith("application/cloudevents+json", request.Headers["Content-Type"], StringComparison.Ordinal);
        var ce = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("1.0", ce.GetProperty("specversion").GetString());
        Assert.Equal(sent.MessageId, ce.GetProperty("id").GetString());
        Assert.Equal("/tests/aud", ce.GetProperty("source").GetString());
        Assert.Equal("com.linkedaudiences.audience.entered", ce.GetProperty("type").GetString());
        Assert.Equal("u001", ce.GetProperty("subject").GetString());
        Assert.Equal("2026-11-01T00:00:00.000Z", ce.GetProperty("time").GetString());
        Assert.Equal("application/json", ce.GetProperty("datacontenttype").GetString());
        Assert.Equal("Audience Entered", ce.GetProperty("data").GetProperty("event").GetString());
    }

    [Fact]
    public async Task CloudEvents_SeveralEvents_BatchMode()
    {
        await using var world = new DeliveryWorld();
        world.AddEntered(3);
        var activation = world.Webhook() with { Destination = new DestinationSettings { Kind = DestinationKind.CloudEvents, Url = world.Receiver.BaseUrl + "ce" } };

        await world.DrainAsync(activation);

        var request = Assert.Single(world.Receiver.Requests);
        Assert.StartsWith("application/cloudevents-batch+json", request.Headers["Content-Type"], StringComparison.Ordinal);
        var batch = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(3, batch.GetArrayLength());
        Assert.All(batch.EnumerateArray(), e => Assert.Equal("/linked-audiences/aud", e.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task Segment_Batch_PostsTrackCallsWithBasicAuth()
    {
        await using var world = new DeliveryWorld();
        var events = world.AddEntered(2);
        var activation = world.Webhook() with
        {
            Destination = new DestinationSettings { Kind = DestinationKind.Segment, Url = world.Receiver.BaseUrl + "api/", ProtectedSecret = world.Secrets.Protect("wk_123") },
        };

        await world.DrainAsync(activation);

        var request = Assert.Single(world.Receiver.Requests);
        Assert.Equal("/api/v1/batch", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("wk_123:")), request.Headers["Authorization"]);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("2026-11-01T00:00:00.000Z", body.GetProperty("sentAt").GetString());
        var calls = body.GetProperty("batch").EnumerateArray().ToList();
        Assert.Equal(events.Select(e => e.MessageId), calls.Select(c => c.GetProperty("messageId").GetString()));
        Assert.All(calls, c => Assert.Equal("track", c.GetProperty("type").GetString()));
        Assert.All(calls, c => Assert.Equal("Audience Entered", c.GetProperty("event").GetString()));
    }

    [Fact]
    public async Task Segment_IdentifyTrigger_SendsIdentifyWithAudienceTrait()
    {
        await using var world = new DeliveryWorld();
        world.AddEntered(1);
        var activation = world.Webhook(ActivationTrigger.MembershipChanged) with
        {
            Destination = new DestinationSettings { Kind = DestinationKind.Segment, Url = world.Receiver.BaseUrl, ProtectedSecret = world.Secrets.Protect("k") },
        };

        await world.DrainAsync(activation);

        var call = JsonDocument.Parse(Assert.Single(world.Receiver.Requests).Body).RootElement.GetProperty("batch")[0];
        Assert.Equal("identify", call.GetProperty("type").GetString());
        Assert.True(call.GetProperty("traits").GetProperty("aud").GetBoolean());
        Assert.Equal("membership_changed", call.GetProperty("context").GetProperty("linked_audiences").GetProperty("trigger").GetString());
    }

    [Fact]
    public async Task Webhook_ProtectedHeader_SentInClearToReceiver()
    {
        await using var world = new DeliveryWorld();
        world.AddEntered(1);
        var activation = world.Webhook();
        activation = activation with
        {
            Destination = activation.Destination with { ProtectedHeaders = new Dictionary<string, string> { ["Authorization"] = world.Secrets.Protect("Bearer t0k") } },
        };

        await world.DrainAsync(activation);

        Assert.Equal("Bearer t0k", Assert.Single(world.Receiver.Requests).Headers["Authorization"]);
        Assert.DoesNotContain("t0k", activation.Destination.ProtectedHeaders["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_ConnectionRefused_IsRetried()
    {
        await using var world = new DeliveryWorld();
        var destination = world.Factory.Create(new DestinationSettings { Kind = DestinationKind.Webhook, Url = "http://127.0.0.1:1/none" });

        var exchange = await destination.SendAsync([new OutgoingEvent("m1", Events.AudienceEventKind.ProfileEntered, "aud", "track", "u1", DeliveryWorld.Start, "{}")], CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Retry, exchange.Outcome);
        Assert.Null(exchange.Response);
        Assert.StartsWith("The request failed: ", exchange.Error, StringComparison.Ordinal);
    }
}
