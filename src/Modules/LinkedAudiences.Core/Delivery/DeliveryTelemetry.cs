using System.Diagnostics;
using System.Diagnostics.Metrics;
using LinkedAudiences.Core.Events;

namespace LinkedAudiences.Core.Delivery;

/// <summary>
/// OpenTelemetry-ready signals of delivery, with the BCL only: hosts export them by adding the source and meter named
/// <see cref="Name"/> to their tracer and meter providers. Spans: "delivery.pass" per pass, "delivery.send" per
/// request. Metrics: events by kind and outcome (filtered, delivered, retry, failed, dead_lettered), requests by
/// destination kind and outcome.
/// </summary>
public static class DeliveryTelemetry
{
    public const string Name = "LinkedAudiences.Delivery";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Events = Meter.CreateCounter<long>("linked_audiences.delivery.events", "{event}", "Activation events by kind and outcome.");

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("linked_audiences.delivery.requests", "{request}", "Destination requests by destination kind and outcome.");

    internal static void CountEvent(AudienceEventKind kind, string outcome, long count = 1)
    {
        if (Events.Enabled)
        {
            Events.Add(count, new KeyValuePair<string, object?>("kind", kind.ToString()), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    internal static void CountRequest(string destination, DeliveryOutcome outcome)
    {
        if (Requests.Enabled)
        {
            Requests.Add(1, new KeyValuePair<string, object?>("destination", destination), new KeyValuePair<string, object?>("outcome", Outcome(outcome)));
        }
    }

    internal static string Outcome(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.Delivered => "delivered",
        DeliveryOutcome.Retry => "retry",
        _ => "failed",
    };

    internal static string Outcome(DeliveryState state) => state switch
    {
        DeliveryState.Filtered => "filtered",
        DeliveryState.Delivered => "delivered",
        DeliveryState.Pending => "retry",
        DeliveryState.DeadLettered => "dead_lettered",
        _ => "failed",
    };
}
