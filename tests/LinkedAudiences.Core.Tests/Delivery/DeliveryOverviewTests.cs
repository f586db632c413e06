using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Testing.Delivery;

namespace LinkedAudiences.Core.Tests.Delivery;

public sealed class DeliveryOverviewTests
{
    [Fact]
    public async Task Load_MixedOutcomes_CountsPerKindStateAndBucket()
    {
        await using var world = new DeliveryWorld();
        world.AddEntered(4);
        world.Receiver.Respond = (r, _) => r.Body.Contains("\"u001\"", StringComparison.Ordinal)
            ? new ReceiverResponse(400, "nope")
            : r.Body.Contains("\"u002\"", StringComparison.Ordinal) ? new ReceiverResponse(500, "later") : ReceiverResponse.Ok;
        var activation = world.Webhook(policy: new Core.Activations.DeliveryPolicy { BatchSize = 1, Timeout = TimeSpan.FromSeconds(5) });
        await world.Deliverer.RunOnceAsync(activation, CancellationToken.None);
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        await world.Deliverer.RunOnceAsync(activation, CancellationToken.None);

        var overview = await DeliveryOverview.LoadAsync(world.Store, "act", DeliveryWorld.Start.AddHours(-1), DeliveryWorld.Start.AddHours(1), TimeSpan.FromHours(1), CancellationToken.None);

        var entered = overview.Kinds.Single(k => k.Kind == AudienceEventKind.ProfileEntered);
        Assert.Equal(new DeliveryTotals(4, 0, 0, 1, 1, 0, 2), entered.Totals);
        Assert.StartsWith("HTTP 500", entered.LastError, StringComparison.Ordinal);
        var bucket = Assert.Single(entered.Buckets);
        Assert.Equal(DeliveryWorld.Start, bucket.Start);
        Assert.Equal(entered.Totals, bucket.Totals);
        var identify = overview.Kinds.Single(k => k.Kind == AudienceEventKind.MembershipChanged);
        Assert.Equal(4, identify.Totals.Filtered);
        Assert.Equal(new ReasonCount("The trigger ProfileEntered does not send MembershipChanged events.", 4), Assert.Single(identify.Filtered));
    }
}
