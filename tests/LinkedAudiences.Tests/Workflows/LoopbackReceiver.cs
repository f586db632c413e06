using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace LinkedAudiences.Tests.Workflows;

/// <summary>A webhook endpoint on 127.0.0.1 that answers 200 and keeps every request (path, X-Message-Id, JSON body).</summary>
public sealed class LoopbackReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly Task _loop;

    public LoopbackReceiver()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(ListenAsync);
    }

    public string BaseUrl { get; }

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public IReadOnlyList<ReceivedRequest> At(string path) => [.. _requests.Where(r => string.Equals(r.Path, path, StringComparison.Ordinal))];

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContext.
        }
    }

    private async Task ListenAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var body = await reader.ReadToEndAsync();
                JsonNode? json = null;
                try
                {
                    json = string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
                }
                catch (System.Text.Json.JsonException)
                {
                    // Kept as text.
                }

                _requests.Enqueue(new ReceivedRequest(context.Request.Url!.AbsolutePath, context.Request.Headers["X-Message-Id"], body, json));
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}

public sealed record ReceivedRequest(string Path, string? MessageId, string Body, JsonNode? Json);
