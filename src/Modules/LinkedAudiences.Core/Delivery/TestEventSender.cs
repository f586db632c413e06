using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Delivery.Destinations;
using LinkedAudiences.Core.Events;

namespace LinkedAudiences.Core.Delivery;

/// <summary>
/// Seeds: "send a test event": one event of the activation's trigger for a given user id, rendered and sent as a real
/// one would be, with exactly what was sent (URL, headers with secrets masked, body) and what came back. It is not
/// recorded as a delivery; its messageId (membership version 0, which no run has) never collides with a real one.
/// </summary>
public sealed class TestEventSender(DestinationFactory destinations, EventRenderer renderer, TimeProvider time)
{
    public async Task<TestEventResult> SendAsync(Activation activation, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var now = time.GetUtcNow();
        var context = new AudienceEventContext(activation.AudienceKey, 0, "test-" + now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), now);
        var audienceEvent = activation.Trigger switch
        {
            ActivationTrigger.ProfileEntered => AudienceEvents.Entered(context, userId, userId),
            ActivationTrigger.ProfileExited => AudienceEvents.Exited(context, userId, userId),
            ActivationTrigger.EntityEntered => AudienceEvents.EntityEntered(context, TestEntity(activation, userId)),
            ActivationTrigger.EntityExited => AudienceEvents.EntityExited(context, TestEntity(activation, userId)),
            _ => AudienceEvents.MembershipChanged(context, userId, userId, isMember: true),
        };
        var rendered = await renderer.RenderAsync(activation, audienceEvent, cancellationToken);
        if (rendered.Event is not { } outgoing)
        {
            return new TestEventResult(null, rendered.Error);
        }

        var exchange = await destinations.Create(activation.Destination).SendAsync([outgoing], cancellationToken);
        return new TestEventResult(exchange, exchange.Error);
    }

    private static EntityChange TestEntity(Activation activation, string userId) =>
        new(userId, userId, "test", activation.TriggerEntity ?? "entity", "test-" + userId, userId);
}

/// <summary>The exchange (null when the event could not be rendered) and the error, if any.</summary>
public sealed record TestEventResult(DeliveryExchange? Exchange, string? Error);
