using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LinkedAudiences.Tests.Delivery;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, a free port) that records every request and answers what the test says:
/// per path, a function of the request's number on that path (1-based).
/// </summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<int, Answer>> _answers = new(StringComparer.Ordinal);

    private LoopbackReceiver(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = default!;

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public static async Task<LoopbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    public string Url(string path) => new Uri(BaseUrl, path.TrimStart('/')).ToString();

    /// <summary>How the path answers its n-th request (default 200 "{}").</summary>
    public void Respond(string path, Func<int, Answer> answer) => _answers["/" + path.TrimStart('/')] = answer;

    public IReadOnlyList<ReceivedRequest> On(string path) => [.. Requests.Where(r => r.Path == "/" + path.TrimStart('/'))];

    /// <summary>The events of the requests answered 2xx in time on the path (a webhook body is a JSON array of events).</summary>
    public IReadOnlyList<JsonObject> DeliveredEvents(string path) =>
        [.. On(path).Where(r => r.Status is >= 200 and < 300 && r.Delay is null).SelectMany(r => JsonNode.Parse(r.Body)!.AsArray()).Select(e => e!.AsObject())];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value ?? "/";
        var n = _counts.AddOrUpdate(path, 1, (_, c) => c + 1);
        var answer = _answers.TryGetValue(path, out var f) ? f(n) : Answer.Ok;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new ReceivedRequest(context.Request.Method, path, headers, body, answer.Status, n, answer.Delay));
        if (answer.Delay is { } delay)
        {
            try
            {
                // Longer than the sender waits: it gives up (a timeout) and the answer never arrives.
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        await context.Response.WriteAsync(answer.Body);
    }
}

/// <param name="Delay">Set when the answer was held back (the sender timed out).</param>
internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, int Status, int Number, TimeSpan? Delay);

internal sealed record Answer(int Status, string Body = "{}", string? RetryAfter = null, TimeSpan? Delay = null)
{
    public static readonly Answer Ok = new(200);
}
