using System.Text;
using System.Text.Json.Nodes;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Tests.Runs;

namespace LinkedAudiences.Tests.Delivery;

/// <summary>The other destinations through the module: CloudEvents, the Segment-compatible tracking API, warehouse write-back, and a Liquid mapping.</summary>
public sealed class DestinationDeliveryTests(Site site) : IClassFixture<Site>, IAsyncLifetime
{
    private const string Audience = "dl-destinations";
    private const string WriteKey = "wk-3c9d0e77-write-key";
    private LoopbackReceiver _receiver = default!;

    public async Task InitializeAsync() => _receiver = await LoopbackReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Deliver_CloudEventsSegmentWarehouseAndMapping_EachMemberOnceInItsFormat()
    {
        var warehouse = await site.UseDemoWarehouseAsync(60);
        var members = (await RunsSupport.EngineMembersAsync(warehouse, "platinum-members")).Order(StringComparer.Ordinal).ToList();
        using var admin = await site.SignInAsAdminAsync();
        await admin.CreateAudienceAsync(Audience, RepositoryFiles.Audience("platinum-members"));
        await admin.CreateActivationAsync(Activation("cloudevents", new() { ["url"] = _receiver.Url("ce"), ["batchSize"] = 2 }));
        await admin.CreateActivationAsync(Activation("segment", new() { ["url"] = _receiver.Url("seg"), ["secret"] = WriteKey }));
        await admin.CreateActivationAsync(Activation("warehouse", new() { ["table"] = "la_delivered_events" }));
        await admin.CreateActivationAsync(Activation("webhook", new()
        {
            ["url"] = _receiver.Url("mapped"),
            ["mapping"] = """{"user": "{{ event.userId }}", "trigger": "{{ activation.trigger }}", "audience": "{{ event.properties.audience_key }}"}""",
        }));

        await admin.EnableAsync(Audience);
        await site.DeliverAsync();

        var cloudEvents = _receiver.On("ce").SelectMany(r => JsonNode.Parse(r.Body) is JsonArray batch ? batch.Select(e => e!.AsObject()) : [JsonNode.Parse(r.Body)!.AsObject()]).ToList();
        Assert.Equal(members, cloudEvents.Select(e => (string)e["subject"]!).Order(StringComparer.Ordinal));
        Assert.All(cloudEvents, e =>
        {
            Assert.Equal(("1.0", "com.linkedaudiences.audience.entered", "/linked-audiences/" + Audience), ((string?)e["specversion"], (string?)e["type"], (string?)e["source"]));
            Assert.Equal((string?)e["id"], (string?)e["data"]!["messageId"]);
        });
        Assert.Contains(_receiver.On("ce"), r => r.Headers["Content-Type"].StartsWith("application/cloudevents-batch+json", StringComparison.Ordinal));

        var segment = _receiver.On("seg/v1/batch");
        Assert.NotEmpty(segment);
        Assert.All(segment, r => Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteKey + ":")), r.Headers["Authorization"]));
        var tracked = segment.SelectMany(r => JsonNode.Parse(r.Body)!["batch"]!.AsArray()).ToList();
        Assert.Equal(members, tracked.Select(e => (string)e!["userId"]!).Order(StringComparer.Ordinal));
        Assert.All(tracked, e => Assert.Equal(("track", "Audience Entered"), ((string?)e!["type"], (string?)e["event"])));

        var rows = await DeliverySupport.QueryAsync(warehouse, "SELECT user_id || '|' || event_type || '|' || json_extract_string(payload, '$.event') FROM la_delivered_events ORDER BY user_id");
        Assert.Equal(members.Select(m => $"{m}|track|Audience Entered"), rows);

        var mapped = _receiver.DeliveredEvents("mapped");
        Assert.Equal(members, mapped.Select(e => (string)e["user"]!).Order(StringComparer.Ordinal));
        Assert.All(mapped, e =>
        {
            Assert.Equal(("ProfileEntered", Audience), ((string?)e["trigger"], (string?)e["audience"]));
            Assert.StartsWith("la-", (string)e["messageId"]!, StringComparison.Ordinal);
        });
    }

    private static JsonObject Activation(string kind, JsonObject destination)
    {
        var body = new JsonObject
        {
            ["title"] = $"{Audience} → {kind}",
            ["audienceKey"] = Audience,
            ["trigger"] = "audienceEntered",
            ["destinationKind"] = kind,
            ["enabled"] = true,
        };
        foreach (var (name, value) in destination.ToList())
        {
            destination.Remove(name);
            body[name] = value;
        }

        return body;
    }
}
