namespace LinkedAudiences.Models;

/// <summary>Where an activation delivers; the delivery engine (Core) implements each kind but <see cref="Workflow"/>.</summary>
public static class DestinationKinds
{
    public const string Webhook = "webhook";
    public const string CloudEvents = "cloudevents";
    public const string Segment = "segment";
    public const string Warehouse = "warehouse";

    /// <summary>Orchard workflows react to the audience's events (the workflow bridge); nothing is delivered over the network.</summary>
    public const string Workflow = "workflow";

    public static IReadOnlyList<string> All { get; } = [Webhook, CloudEvents, Segment, Warehouse, Workflow];

    /// <summary>The engine's destination kind; null for <see cref="Workflow"/> and unknown kinds.</summary>
    public static Core.Activations.DestinationKind? ToCore(string? kind) => kind switch
    {
        Webhook => Core.Activations.DestinationKind.Webhook,
        CloudEvents => Core.Activations.DestinationKind.CloudEvents,
        Segment => Core.Activations.DestinationKind.Segment,
        Warehouse => Core.Activations.DestinationKind.Warehouse,
        _ => null,
    };
}
