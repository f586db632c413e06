using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Delivery.Destinations;

/// <summary>Makes the destination of an activation's settings; write-back needs the warehouse to write into.</summary>
public sealed class DestinationFactory(HttpClient http, ISecretProtector secrets, TimeProvider time, IWarehouse? writeBackWarehouse = null)
{
    public IDestination Create(DestinationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Kind switch
        {
            DestinationKind.Webhook => new WebhookDestination(http, settings, secrets, time),
            DestinationKind.CloudEvents => new CloudEventsDestination(http, settings, secrets, time),
            DestinationKind.Segment => new SegmentDestination(http, settings, secrets, time),
            DestinationKind.Warehouse => new WarehouseDestination(
                writeBackWarehouse ?? throw new InvalidOperationException("Warehouse write-back needs a warehouse; none was given to the destination factory."), settings),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, "Unknown destination kind."),
        };
    }
}
