namespace LinkedAudiences.Models;

/// <summary>Where an activation delivers; the delivery engine (Core) implements each kind.</summary>
public static class DestinationKinds
{
    public const string Webhook = "webhook";
    public const string Workflow = "workflow";
    public const string Warehouse = "warehouse";

    public static IReadOnlyList<string> All { get; } = [Webhook, Workflow, Warehouse];
}
