namespace LinkedAudiences.Models;

/// <summary>
/// Where an activation delivers (the delivery engine in Core implements each). Orchard workflows are not a destination:
/// the workflow bridge starts them from every audience's events, with or without an activation.
/// </summary>
public static class DestinationKinds
{
    public const string Webhook = "webhook";
    public const string CloudEvents = "cloudevents";
    public const string Segment = "segment";
    public const string Warehouse = "warehouse";

    public static IReadOnlyList<string> All { get; } = [Webhook, CloudEvents, Segment, Warehouse];

    /// <summary>The engine's destination kind; null for unknown kinds.</summary>
    public static Core.Activations.DestinationKind? ToCore(string? kind) => kind switch
    {
        Webhook => Core.Activations.DestinationKind.Webhook,
        CloudEvents => Core.Activations.DestinationKind.CloudEvents,
        Segment => Core.Activations.DestinationKind.Segment,
        Warehouse => Core.Activations.DestinationKind.Warehouse,
        _ => null,
    };
}
