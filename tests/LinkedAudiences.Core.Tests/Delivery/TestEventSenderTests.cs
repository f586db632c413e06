using System.Text.Json;
using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Delivery.Destinations;
using LinkedAudiences.Testing.Delivery;

namespace LinkedAudiences.Core.Tests.Delivery;

public sealed class TestEventSenderTests
{
    [Fact]
    public async Task Send_Webhook_ShowsRequestWithSecretsMaskedAndTheAnswer()
    {
        await using var world = new DeliveryWorld();
        world.Receiver.Respond = (_, _) => new ReceiverResponse(202, "queued") { Headers = new Dictionary<string, string> { ["X-Request-Id"] = "r-1" } };
        var activation = world.Webhook();
        activation = activation with { Destination = activation.Destination with { ProtectedHeaders = new Dictionary<string, string> { ["Authorization"] = world.Secrets.Protect("Bearer xyz") } } };
        var sender = new TestEventSender(world.Factory, world.Renderer, world.Clock);

        var result = await sender.SendAsync(activation, "u-test", CancellationToken.None);

        Assert.Null(result.Error);
        var exchange = result.Exchange!;
        Assert.Equal(world.Receiver.BaseUrl + "hook", exchange.Request.Target);
        Assert.Equal(HttpDestination.Masked, exchange.Request.Headers.Single(h => h.Key == "Authorization").Value);
        Assert.Equal("growth", exchange.Request.Headers.Single(h => h.Key == "X-Team").Value);
        Assert.StartsWith("sha256=", exchange.Request.Headers.Single(h => h.Key == "X-LinkedAudiences-Signature").Value, StringComparison.Ordinal);
        var received = Assert.Single(world.Receiver.Requests);
        Assert.Equal(received.Body, exchange.Request.Body);
        Assert.Equal("u-test", JsonDocument.Parse(exchange.Request.Body).RootElement[0].GetProperty("userId").GetString());
        Assert.Equal(202, exchange.Response!.Status);
        Assert.Equal("queued", exchange.Response.Body);
        Assert.Contains(exchange.Response.Headers, h => string.Equals(h.Key, "X-Request-Id", StringComparison.OrdinalIgnoreCase) && h.Value == "r-1");
        Assert.Empty(world.Store.Records);
    }

    [Fact]
    public async Task Send_Segment_MasksAuthorization()
    {
        await using var world = new DeliveryWorld();
        var activation = world.Webhook(ActivationTrigger.MembershipChanged) with
        {
            Destination = new DestinationSettings { Kind = DestinationKind.Segment, Url = world.Receiver.BaseUrl, ProtectedSecret = world.Secrets.Protect("wk") },
        };

        var result = await new TestEventSender(world.Factory, world.Renderer, world.Clock).SendAsync(activation, "u9", CancellationToken.None);

        Assert.Equal(HttpDestination.Masked, result.Exchange!.Request.Headers.Single(h => h.Key == "Authorization").Value);
        Assert.StartsWith("Basic ", Assert.Single(world.Receiver.Requests).Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_RejectedByDestination_ReturnsStatusAndBody()
    {
        await using var world = new DeliveryWorld();
        world.Receiver.Respond = (_, _) => new ReceiverResponse(401, "bad key");

        var result = await new TestEventSender(world.Factory, world.Renderer, world.Clock).SendAsync(world.Webhook(), "u1", CancellationToken.None);

        Assert.Equal(401, result.Exchange!.Response!.Status);
        Assert.Equal("bad key", result.Exchange.Response.Body);
        Assert.Equal(DeliveryOutcome.Failed, result.Exchange.Outcome);
        Assert.Equal("HTTP 401 Unauthorized: bad key", result.Error);
    }

    [Fact]
    public async Task Send_EntityTrigger_SendsEntityEvent()
    {
        await using var world = new DeliveryWorld();

        await new TestEventSender(world.Factory, world.Renderer, world.Clock).SendAsync(world.Webhook(ActivationTrigger.EntityExited, entity: "account"), "u1", CancellationToken.None);

        var body = JsonDocument.Parse(Assert.Single(world.Receiver.Requests).Body).RootElement[0];
        Assert.Equal("Entity Exited", body.GetProperty("event").GetString());
        Assert.Equal("account", body.GetProperty("properties").GetProperty("entity").GetString());
    }

    [Fact]
    public async Task Send_TemplateError_ReturnsErrorAndSendsNothing()
    {
        await using var world = new DeliveryWorld();

        var result = await new TestEventSender(world.Factory, world.Renderer, world.Clock).SendAsync(world.Webhook() with { Mapping = "{{ x | }}" }, "u1", CancellationToken.None);

        Assert.Null(result.Exchange);
        Assert.StartsWith("The mapping template failed: line 1", result.Error, StringComparison.Ordinal);
        Assert.Empty(world.Receiver.Requests);
    }
}
