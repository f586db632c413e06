namespace LinkedAudiences.Core.Delivery.Destinations;

/// <summary>A place events go. One call sends one batch in one request and classifies the answer; it never throws for the destination's faults.</summary>
public interface IDestination
{
    Task<DeliveryExchange> SendAsync(IReadOnlyList<OutgoingEvent> batch, CancellationToken cancellationToken);
}
