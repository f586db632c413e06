using System.Security.Cryptography;
using System.Text;
using LinkedAudiences.Core.Activations;

namespace LinkedAudiences.Core.Delivery.Destinations;

/// <summary>
/// A generic webhook: the batch as a JSON array, POSTed to the URL with the configured headers. With a secret, the
/// signature header carries "sha256=" and the lowercase hex HMAC-SHA256 of the exact body bytes, so the receiver
/// can check the body came from us unaltered.
/// </summary>
public sealed class WebhookDestination(HttpClient http, DestinationSettings settings, ISecretProtector secrets, TimeProvider time)
    : HttpDestination(http, settings, secrets, time)
{
    public static string Sign(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    protected override HttpPayload Build(IReadOnlyList<OutgoingEvent> batch)
    {
        var body = "[" + string.Join(",", batch.Select(e => e.Json)) + "]";
        List<HttpPayloadHeader> headers = [];
        if (Settings.ProtectedSecret is { } secret)
        {
            headers.Add(new(Settings.SignatureHeader, Sign(body, Secrets.Unprotect(secret))));
        }

        return new HttpPayload(new Uri(Settings.Url!), body, "application/json", headers);
    }
}
