using System.Text.Json;
using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Testing.Delivery;

namespace LinkedAudiences.Core.Tests.Delivery;

public sealed class ActivationDelivererTests
{
    private static List<string> MessageIdsOf(RecordedRequest request) =>
        [.. JsonDocument.Parse(request.Body).RootElement.EnumerateArray().Select(e => e.GetProperty("messageId").GetString()!)];

    [Fact]
    public async Task Deliver_EnteredTrigger_SendsEnteredInBatchesAndFiltersIdentifyWithReason()
    {
        await using var world = new DeliveryWorld();
        var events = world.AddEntered(25);
        var activation = world.Webhook();

        await world.DrainAsync(activation);

        Assert.Equal(3, world.Receiver.Requests.Count);
        Assert.Equal(events.Select(e => e.MessageId).Order(StringComparer.Ordinal), world.Receiver.Requests.SelectMany(MessageIdsOf).Order(StringComparer.Ordinal));
        var filtered = world.Store.Records.Where(r => r.State == DeliveryState.Filtered).ToList();
        Assert.Equal(25, filtered.Count);
        Assert.All(filtered, r => Assert.Equal("The trigger ProfileEntered does not send MembershipChanged events.", r.LastError));
        Assert.Equal(25, world.Store.Records.Count(r => r.State == DeliveryState.Delivered));
    }

    [Fact]
    public async Task Deliver_Payload_CarriesTrackFieldsAndConfiguredHeader()
    {
        await using var world = new DeliveryWorld();
        var sent = world.AddEntered(1)[0];

        await world.DrainAsync(world.Webhook());

        var request = Assert.Single(world.Receiver.Requests);
        Assert.Equal("/hook", request.Path);
        Assert.Equal("growth", request.Headers["X-Team"]);
        var body = JsonDocument.Parse(request.Body).RootElement[0];
        Assert.Equal("track", body.GetProperty("type").GetString());
        Assert.Equal("u001", body.GetProperty("userId").GetString());
        Assert.Equal(sent.MessageId, body.GetProperty("messageId").GetString());
        Assert.Equal("Audience Entered", body.GetProperty("event").GetString());
        Assert.Equal("aud", body.GetProperty("properties").GetProperty("audience_key").GetString());
        Assert.Equal(1, body.GetProperty("properties").GetProperty("membership_version").GetInt64());
        Assert.Equal("2026-11-01T00:00:00.000Z", body.GetProperty("timestamp").GetString());
    }

    [Fact]
    public async Task Webhook_Signature_MatchesHmacOfBodyWithSecret()
    {
        await using var world = new DeliveryWorld();
        world.AddEntered(3);

        await world.DrainAsync(world.Webhook());

        var request = Assert.Single(world.Receiver.Requests);
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("s3cret"u8, System.Text.Encoding.UTF8.GetBytes(request.Body)));
        Assert.Equal(expected, request.Headers["X-LinkedAudiences-Signature"]);
    }

    [Fact]
    public async Task Deliver_ReceiverFailsThenRecovers_EveryEventAcceptedExactlyOnce()
    {
        await using var world = new DeliveryWorld();
        var events = world.AddEntered(30);
        var retryAfter = new Dictionary<string, string> { ["Retry-After"] = "120" };
        world.Receiver.Respond = (_, n) => n switch
        {
            <= 3 => new ReceiverResponse(500, "boom"),
            4 => ReceiverResponse.Timeout,
            5 or 6 => new ReceiverResponse(429, "slow down") { Headers = retryAfter },
            7 => new ReceiverResponse(503, "maintenance"),
            _ => ReceiverResponse.Ok,
        };

        await world.DrainAsync(world.Webhook(policy: new DeliveryPolicy { BatchSize = 10, Timeout = TimeSpan.FromSeconds(1) }));

        // A receiver deduplicating by messageId holds every event once: none lost, none a second distinct event.
        var accepted = world.Receiver.Requests.Where(r => r.AnsweredStatus == 200).SelectMany(MessageIdsOf).Distinct(StringComparer.Ordinal);
        Assert.Equal(events.Select(e => e.MessageId).Order(StringComparer.Ordinal), accepted.Order(StringComparer.Ordinal));
        Assert.All(world.Receiver.Requests.SelectMany(MessageIdsOf), id => Assert.Contains(id, events.Select(e => e.MessageId)));
        Assert.All(world.Store.Records.Where(r => r.Event.Kind == AudienceEventKind.ProfileEntered), r => Assert.Equal(DeliveryState.Delivered, r.State));
        Assert.Contains(world.Receiver.Requests, r => r.AnsweredStatus is null);
    }

    [Fact]
    public async Task Deliver_429WithRetryAfter_NextAttemptNotBeforeIt()
    {
        await using var world = new DeliveryWorld();
        world.AddEntered(1);
        world.Receiver.Respond = (_, _) => new ReceiverResponse(429, "later") { Headers = new Dictionary<string, string> { ["Retry-After"] = "600" } };
        var activation = world.Webhook();

        await world.Deliverer.RunOnceAsync(activation, CancellationToken.None);

        var record = world.Store.Records.Single(r => r.State == DeliveryState.Pending);
        Assert.Equal(1, record.Attempts);
        Assert.True(record.NextAttemptAt >= DeliveryWorld.Start + TimeSpan.FromSeconds(600));
        Assert.StartsWith("HTTP 429", record.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_400_FailsWithBodyWithoutRetry()
    {
        await using var world = new DeliveryWorld();
        world.AddEntered(2);
        world.Receiver.Respond = (_, _) => new ReceiverResponse(400, "{\"error\":\"userId unknown\"}");

        await world.DrainAsync(world.Webhook());

        Assert.Single(world.Receiver.Requests);
        var failed = world.Store.Records.Where(r => r.State == DeliveryState.Failed).ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, r => Assert.Equal("HTTP 400 Bad Request: {\"error\":\"userId unknown\"}", r.LastError));
    }

    [Fact]
    public async Task Deliver_AlwaysFailing_DeadLettersAfterBudget()
    {
        await using var world = new DeliveryWorld();
        world.AddEntered(1);
        world.Receiver.Respond = (_, _) => new ReceiverResponse(502, "bad gateway");
        var activation = world.Webhook(policy: new DeliveryPolicy { MaxAttempts = 4, Timeout = TimeSpan.FromSeconds(5) });

        await world.DrainAsync(activation);

        Assert.Equal(4, world.Receiver.Requests.Count);
        var dead = world.Store.Records.Single(r => r.State == DeliveryState.DeadLettered);
        Assert.Equal(4, dead.Attempts);
        Assert.Equal("Gave up after 4 attempts: HTTP 502 Bad Gateway: bad gateway", dead.LastError);
    }

    [Fact]
    public async Task Deliver_BackoffDelays_GrowExponentially()
    {
        await using var world = new DeliveryWorld();
        world.AddEntered(1);
        world.Receiver.Respond = (_, _) => new ReceiverResponse(500, "x");
        var activation = world.Webhook(policy: new DeliveryPolicy { MaxAttempts = 10, InitialBackoff = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(5) });
        var delays = new List<TimeSpan>();

        await world.Deliverer.EnqueueAsync(activation, CancellationToken.None);
        for (var i = 0; i < 4; i++)
        {
            var pass = await world.Deliverer.DeliverDueAsync(activation, CancellationToken.None);
            delays.Add(pass.NextDueAt!.Value - world.Clock.GetUtcNow());
            world.Clock.SetUtcNow(pass.NextDueAt.Value);
        }

        for (var i = 0; i < 4; i++)
        {
            var full = TimeSpan.FromSeconds(10 * Math.Pow(2, i));
            Assert.InRange(delays[i], full / 2, full);
        }
    }

    [Fact]
    public async Task Deliver_TemplateError_FailsEventWithMessageAndSendsNothing()
    {
        await using var world = new DeliveryWorld();
        world.AddEntered(1);
        var activation = world.Webhook() with { Mapping = "{% for i in (1..100000000) %}x{% endfor %}" };

        await world.DrainAsync(activation);

        Assert.Empty(world.Receiver.Requests);
        var failed = world.Store.Records.Single(r => r.State == DeliveryState.Failed);
        Assert.StartsWith("The mapping template failed: ", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_Mapping_ShapesBodyAndKeepsMessageId()
    {
        await using var world = new DeliveryWorld();
        var sent = world.AddEntered(1)[0];
        var activation = world.Webhook() with { Mapping = """{"user": {{ event.userId | json }}, "what": "{{ event.event | downcase }}", "via": "{{ activation.trigger }}"}""" };

        await world.DrainAsync(activation);

        var body = JsonDocument.Parse(Assert.Single(world.Receiver.Requests).Body).RootElement[0];
        Assert.Equal("u001", body.GetProperty("user").GetString());
        Assert.Equal("audience entered", body.GetProperty("what").GetString());
        Assert.Equal("ProfileEntered", body.GetProperty("via").GetString());
        Assert.Equal(sent.MessageId, body.GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task Deliver_MappingNotJson_FailsEvent()
    {
        await using var world = new DeliveryWorld();
        world.AddEntered(1);

        await world.DrainAsync(world.Webhook() with { Mapping = "hello {{ event.userId }}" });

        Assert.StartsWith("The mapping template did not produce JSON", world.Store.Records.Single(r => r.State == DeliveryState.Failed).LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_RateLimit_SendsOnlyWhatTheBucketHolds()
    {
        await using var world = new DeliveryWorld();
        world.AddEntered(12);
        var activation = world.Webhook(policy: new DeliveryPolicy { RatePerSecond = 5, BatchSize = 100, Timeout = TimeSpan.FromSeconds(5) });

        await world.Deliverer.EnqueueAsync(activation, CancellationToken.None);
        var first = await world.Deliverer.DeliverDueAsync(activation, CancellationToken.None);
        var again = await world.Deliverer.DeliverDueAsync(activation, CancellationToken.None);
        world.Clock.Advance(TimeSpan.FromSeconds(1));
        var later = await world.Deliverer.DeliverDueAsync(activation, CancellationToken.None);

        Assert.Equal((5, 0, 5), (first.Delivered, again.Delivered, later.Delivered));
    }

    [Fact]
    public async Task Deliver_Concurrency_NeverMoreRequestsInFlightThanPolicy()
    {
        await using var world = new DeliveryWorld();
        world.AddEntered(12);
        var inFlight = 0;
        var peak = 0;
        world.Receiver.Respond = (_, _) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            Thread.Sleep(20);
            Interlocked.Decrement(ref inFlight);
            return ReceiverResponse.Ok;
        };

        await world.DrainAsync(world.Webhook(policy: new DeliveryPolicy { BatchSize = 1, MaxConcurrency = 2, Timeout = TimeSpan.FromSeconds(10) }));

        Assert.Equal(12, world.Receiver.Requests.Count);
        Assert.InRange(peak, 1, 2);
    }

    [Fact]
    public async Task Deliver_NewDelivererOnSameStore_ResumesWithoutResending()
    {
        await using var world = new DeliveryWorld();
        world.AddEntered(5);
        var activation = world.Webhook();
        await world.DrainAsync(activation);
        world.AddEntered(8, version: 2);
        var restarted = new ActivationDeliverer(world.Outbox, world.Store, world.Factory, world.Renderer, world.Clock);

        await restarted.RunOnceAsync(activation, CancellationToken.None);
        await restarted.RunOnceAsync(activation, CancellationToken.None);

        var ids = world.Receiver.Requests.SelectMany(MessageIdsOf).ToList();
        Assert.Equal(13, ids.Count);
        Assert.Equal(13, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Enqueue_EntityTrigger_FiltersOtherEntitiesWithReason()
    {
        await using var world = new DeliveryWorld();
        var context = new AudienceEventContext("aud", 1, "r1", DeliveryWorld.Start);
        world.Outbox.Add(AudienceEvents.EntityEntered(context, new EntityChange("u1", "u1", "0.0", "account", "7", "u1")));
        world.Outbox.Add(AudienceEvents.EntityEntered(context, new EntityChange("u1", "u1", "0.0.0", "credit_card", "70", "7")));
        world.Outbox.Add(AudienceEvents.Entered(new AudienceEventContext("other", 1, "r2", DeliveryWorld.Start), "u1", "u1"));

        await world.DrainAsync(world.Webhook(ActivationTrigger.EntityEntered, entity: "credit_card"));

        var body = JsonDocument.Parse(Assert.Single(world.Receiver.Requests).Body).RootElement[0];
        Assert.Equal("70", body.GetProperty("properties").GetProperty("entity_key").GetString());
        Assert.Equal("The event is about entity 'account', the trigger entity is 'credit_card'.", world.Store.Records.Single(r => r.State == DeliveryState.Filtered).LastError);
        Assert.Equal(2, world.Store.Records.Count);
    }

    [Fact]
    public async Task Enqueue_EventsBeforeStartsAt_AreNotTaken()
    {
        await using var world = new DeliveryWorld();
        world.AddEntered(3);
        var activation = world.Webhook() with { StartsAt = DeliveryWorld.Start.AddMinutes(1) };

        var taken = await world.Deliverer.EnqueueAsync(activation, CancellationToken.None);

        Assert.Equal(0, taken);
        Assert.Empty(world.Store.Records);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
