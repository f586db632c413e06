using System.Text;
using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Events;

namespace LinkedAudiences.Core.Delivery.Destinations;

/// <summary>
/// A Segment-compatible tracking API: track and identify calls in one {"batch": [...], "sentAt": ...} POSTed to
/// {base URL}/v1/batch, authenticated with HTTP Basic (the write key as user name, no password).
/// </summary>
public sealed class SegmentDestination(HttpClient http, DestinationSettings settings, ISecretProtector secrets, TimeProvider time)
    : HttpDestination(http, settings, secrets, time)
{
    protected override HttpPayload Build(IReadOnlyList<OutgoingEvent> batch)
    {
        var body = "{\"batch\":[" + string.Join(",", batch.Select(e => e.Json)) + "],\"sentAt\":\"" + EventPayloads.FormatTimestamp(Time.GetUtcNow()) + "\"}";
        var writeKey = Secrets.Unprotect(Settings.ProtectedSecret ?? throw new InvalidOperationException("The tracking API destination has no write key."));
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":"));
        var url = new Uri(Settings.Url!.TrimEnd('/') + "/v1/batch");
        return new HttpPayload(url, body, "application/json", [new("Authorization", basic, IsSecret: true)]);
    }
}
