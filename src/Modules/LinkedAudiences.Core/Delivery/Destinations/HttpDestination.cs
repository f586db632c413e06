using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LinkedAudiences.Core.Activations;

namespace LinkedAudiences.Core.Delivery.Destinations;

/// <summary>
/// The part every HTTP destination shares: configured and protected headers, the request time limit, and the
/// classification of the answer (2xx delivered; timeouts, network errors, 408, 429 and 5xx retried with the
/// Retry-After they give; any other status failed with its body).
/// </summary>
public abstract class HttpDestination : IDestination
{
    public const string Masked = "***";
    private const int MaxBodyKept = 4096;

    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    protected HttpDestination(HttpClient http, DestinationSettings settings, ISecretProtector secrets, TimeProvider time)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Secrets = secrets ?? throw new ArgumentNullException(nameof(secrets));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    protected DestinationSettings Settings { get; }

    protected ISecretProtector Secrets { get; }

    protected TimeProvider Time => _time;

    /// <summary>The request for one batch: where, the body and its media type, and the headers of this kind of destination.</summary>
    protected abstract HttpPayload Build(IReadOnlyList<OutgoingEvent> batch);

    public async Task<DeliveryExchange> SendAsync(IReadOnlyList<OutgoingEvent> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var payload = Build(batch);
        using var request = new HttpRequestMessage(HttpMethod.Post, payload.Url)
        {
            Content = new StringContent(payload.Body, Encoding.UTF8, payload.MediaType),
        };
        var shown = new List<KeyValuePair<string, string>> { new("Content-Type", request.Content.Headers.ContentType!.ToString()) };
        foreach (var (name, value) in Settings.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
            shown.Add(new(name, value));
        }

        foreach (var (name, value) in Settings.ProtectedHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, Secrets.Unprotect(value));
            shown.Add(new(name, Masked));
        }

        foreach (var header in payload.Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Name, header.Value);
            shown.Add(new(header.Name, header.IsSecret ? Masked : header.Value));
        }

        var sent = new SentRequest("POST", payload.Url.ToString(), shown, payload.Body);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Settings.Delivery.Timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var received = new ReceivedResponse((int)response.StatusCode, HeadersOf(response), body);
            return Classify(sent, received, response);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryExchange
            {
                Request = sent,
                Outcome = DeliveryOutcome.Retry,
                Error = $"No answer within {Settings.Delivery.TotalSeconds()} s (timeout).",
            };
        }
        catch (HttpRequestException e)
        {
            return new DeliveryExchange { Request = sent, Outcome = DeliveryOutcome.Retry, Error = "The request failed: " + e.Message };
        }
    }

    private DeliveryExchange Classify(SentRequest sent, ReceivedResponse received, HttpResponseMessage response)
    {
        var status = received.Status;
        if (status is >= 200 and < 300)
        {
            return new DeliveryExchange { Request = sent, Response = received, Outcome = DeliveryOutcome.Delivered };
        }

        var error = $"HTTP {status.ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase}: {Truncate(received.Body)}";
        var retry = status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500;
        return new DeliveryExchange
        {
            Request = sent,
            Response = received,
            Outcome = retry ? DeliveryOutcome.Retry : DeliveryOutcome.Failed,
            Error = error,
            RetryAfter = retry ? RetryAfter(response.Headers.RetryAfter) : null,
        };
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? value)
    {
        if (value?.Delta is { } delta)
        {
            return delta;
        }

        if (value?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static List<KeyValuePair<string, string>> HeadersOf(HttpResponseMessage response) =>
    [
        .. response.Headers.Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value))),
        .. response.Content.Headers.Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value))),
    ];

    private static string Truncate(string body) => body.Length <= MaxBodyKept ? body : body[..MaxBodyKept] + "…";
}

/// <summary>One request's target, body and the headers its destination kind adds (secret ones masked when shown).</summary>
public sealed record HttpPayload(Uri Url, string Body, string MediaType, IReadOnlyList<HttpPayloadHeader> Headers);

public sealed record HttpPayloadHeader(string Name, string Value, bool IsSecret = false);

internal static class DeliveryPolicyText
{
    public static string TotalSeconds(this DeliveryPolicy policy) =>
        policy.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
