using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace LinkedAudiences.BrowserTests.Infrastructure;

/// <summary>
/// A webhook on 127.0.0.1 for workflows to POST to: answers 200 and keeps each request (path, X-Message-Id, JSON body).
/// A GET of "/" shows what it received as an HTML table, so a test can screenshot it.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<WebhookRequest> _requests = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            BaseUrl = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }

        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(ListenAsync);
    }

    public string BaseUrl { get; }

    public IReadOnlyList<WebhookRequest> Requests => [.. _requests];

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

            if (context.Request.HttpMethod == "GET")
            {
                var page = Encoding.UTF8.GetBytes(Html());
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.OutputStream.WriteAsync(page);
                context.Response.Close();
                continue;
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

                _requests.Enqueue(new WebhookRequest(context.Request.Url!.AbsolutePath, context.Request.Headers["X-Message-Id"], body, json));
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    private string Html()
    {
        var html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Webhook receiver</title>")
            .Append("<style>body{font:14px sans-serif;margin:20px}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}table{border-collapse:collapse}</style></head><body>")
            .Append(FormattableString.Invariant($"<h1>Loopback webhook: {_requests.Count} requests</h1><table><tr><th>#</th><th>Path</th><th>X-Message-Id</th><th>Body</th></tr>"));
        var n = 0;
        foreach (var r in _requests)
        {
            html.Append(FormattableString.Invariant($"<tr><td>{++n}</td><td>{WebUtility.HtmlEncode(r.Path)}</td><td>{WebUtility.HtmlEncode(r.MessageId)}</td><td><code>{WebUtility.HtmlEncode(r.Body)}</code></td></tr>"));
        }

        return html.Append("</table></body></html>").ToString();
    }
}

public sealed record WebhookRequest(string Path, string? MessageId, string Body, JsonNode? Json);
