using System.Diagnostics;
using System.Diagnostics.Metrics;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Testing.Delivery;

namespace LinkedAudiences.Core.Tests.Delivery;

[CollectionDefinition(nameof(TelemetryListeners), DisableParallelization = true)]
public sealed class TelemetryListeners;

/// <summary>Alone in its collection: listeners see every source in the process.</summary>
[Collection(nameof(TelemetryListeners))]
public sealed class DeliveryTelemetryTests
{
    [Fact]
    public async Task Deliver_WithListeners_EmitsPassAndSendSpansAndEventCounts()
    {
        var spans = new List<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == DeliveryTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) { spans.Add(a); } },
        };
        ActivitySource.AddActivityListener(activities);
        var counts = new Dictionary<string, long>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (i, l) =>
        {
            if (i.Meter.Name == DeliveryTelemetry.Name)
            {
                l.EnableMeasurementEvents(i);
            }
        };
        meters.SetMeasurementEventCallback<long>((i, value, tags, _) =>
        {
            var key = i.Name + ":" + string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
            lock (counts)
            {
                counts[key] = counts.GetValueOrDefault(key) + value;
            }
        });
        meters.Start();
        await using var world = new DeliveryWorld();
        world.AddEntered(3);
        world.Receiver.Respond = (r, _) => r.Body.Contains("\"u002\"", StringComparison.Ordinal) ? new ReceiverResponse(400, "no") : ReceiverResponse.Ok;

        await world.DrainAsync(world.Webhook(policy: new Core.Activations.DeliveryPolicy { BatchSize = 1, Timeout = TimeSpan.FromSeconds(20) }));

        Assert.Contains(spans, s => s.OperationName == "delivery.pass" && (string?)s.GetTagItem("linked_audiences.activation") == "act");
        var sends = spans.Where(s => s.OperationName == "delivery.send").ToList();
        Assert.Equal(3, sends.Count);
        Assert.Single(sends, s => s.Status == ActivityStatusCode.Error && (int?)s.GetTagItem("http.response.status_code") == 400);
        Assert.Equal(2, counts["linked_audiences.delivery.events:kind=ProfileEntered,outcome=delivered"]);
        Assert.Equal(1, counts["linked_audiences.delivery.events:kind=ProfileEntered,outcome=failed"]);
        Assert.Equal(3, counts["linked_audiences.delivery.events:kind=MembershipChanged,outcome=filtered"]);
        Assert.Equal(2, counts["linked_audiences.delivery.requests:destination=Webhook,outcome=delivered"]);
    }
}
