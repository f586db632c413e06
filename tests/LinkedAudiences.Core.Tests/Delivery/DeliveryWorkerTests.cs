using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Testing.Delivery;

namespace LinkedAudiences.Core.Tests.Delivery;

public sealed class DeliveryWorkerTests
{
    private static DeliveryWorker Worker(DeliveryWorld world, params Activation[] activations) =>
        new(world.Deliverer, _ => Task.FromResult<IReadOnlyList<Activation>>(activations), world.Clock);

    [Fact]
    public async Task Round_EnabledAndDisabledActivations_OnlyEnabledOneDeliversThenWaitsThePollInterval()
    {
        await using var world = new DeliveryWorld();
        var events = world.AddEntered(3);
        var enabled = world.Webhook();
        var disabled = enabled with { Key = "off", Enabled = false };

        var round = await Worker(world, enabled, disabled).RunRoundAsync(CancellationToken.None);

        Assert.Equal(["act"], round.Passes.Keys);
        Assert.Equal(3, round.Passes["act"].Delivered);
        Assert.Empty(round.Errors);
        Assert.Equal(new DeliveryWorkerOptions().PollInterval, round.Delay);
        Assert.Single(world.Receiver.Requests);
        Assert.Equal(3, world.Store.Records.Count(r => r.ActivationKey == "act" && r.State == DeliveryState.Delivered));
        Assert.DoesNotContain(world.Store.Records, r => r.ActivationKey == "off");
        Assert.Equal(events.Count, world.Store.Records.Count(r => r.State == DeliveryState.Delivered));
    }

    [Fact]
    public async Task Round_RetryPending_SkipsTheActivationUntilNextDueAtThenDelivers()
    {
        await using var world = new DeliveryWorld();
        world.AddEntered(3);
        world.Receiver.Respond = (_, n) => n == 1 ? new ReceiverResponse(503, "busy") : ReceiverResponse.Ok;
        var worker = Worker(world, world.Webhook());

        var first = await worker.RunRoundAsync(CancellationToken.None);
        var due = first.Passes["act"].NextDueAt!.Value;
        var early = await worker.RunRoundAsync(CancellationToken.None);
        world.Clock.SetUtcNow(due);
        var onTime = await worker.RunRoundAsync(CancellationToken.None);

        // Each event's retry has its own jitter: later rounds, each at the delay the previous one gave, take the rest.
        var delivered = onTime.Passes["act"].Delivered;
        var round = onTime;
        for (var i = 0; i < 5 && delivered < 3; i++)
        {
            world.Clock.Advance(round.Delay);
            round = await worker.RunRoundAsync(CancellationToken.None);
            delivered += round.Passes.TryGetValue("act", out var pass) ? pass.Delivered : 0;
        }

        Assert.Equal(3, first.Passes["act"].Retrying);
        Assert.Equal(due - DeliveryWorld.Start, first.Delay);
        Assert.True(first.Delay > TimeSpan.Zero && first.Delay < new DeliveryWorkerOptions().PollInterval, first.Delay.ToString());
        Assert.Empty(early.Passes);
        Assert.Equal(due - DeliveryWorld.Start, early.Delay);
        Assert.True(onTime.Passes["act"].Delivered >= 1);
        Assert.Equal(3, delivered);
        Assert.Equal(3, world.Store.Records.Count(r => r.State == DeliveryState.Delivered));
        Assert.Equal(1, world.Receiver.Requests.Count(r => r.AnsweredStatus == 503));
    }

    [Fact]
    public async Task Round_OneActivationThrows_ErrorRecordedOthersServedAndItWaitsTheErrorDelay()
    {
        await using var world = new DeliveryWorld();
        world.AddEntered(2);
        var broken = world.Webhook() with { Key = "broken", Destination = new DestinationSettings { Kind = DestinationKind.Warehouse, Table = "t" } };
        var worker = Worker(world, broken, world.Webhook());

        var first = await worker.RunRoundAsync(CancellationToken.None);
        var second = await worker.RunRoundAsync(CancellationToken.None);
        world.Clock.Advance(new DeliveryWorkerOptions().ErrorDelay);
        var third = await worker.RunRoundAsync(CancellationToken.None);

        Assert.Equal("Warehouse write-back needs a warehouse; none was given to the destination factory.", first.Errors["broken"]);
        Assert.Equal(2, first.Passes["act"].Delivered);
        Assert.Empty(second.Errors);
        Assert.Empty(second.Passes);
        Assert.Contains("broken", third.Errors.Keys);
    }

    [Fact]
    public async Task Run_Cancelled_StopsAfterDeliveringWhatWasDue()
    {
        await using var world = new DeliveryWorld();
        world.AddEntered(2);
        using var stop = new CancellationTokenSource();
        world.Receiver.Respond = (_, _) =>
        {
            stop.CancelAfter(TimeSpan.FromMilliseconds(200));
            return ReceiverResponse.Ok;
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Worker(world, world.Webhook()).RunAsync(stop.Token));

        Assert.Single(world.Receiver.Requests);
        Assert.Equal(2, world.Store.Records.Count(r => r.State == DeliveryState.Delivered));
    }
}
