using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LinkedAudiences.Testing.Delivery;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) that records every request and answers with what
/// <see cref="Respond"/> says (200 "ok" by default). A response with <see cref="ReceiverResponse.Stall"/> holds the
/// request open until the client gives up (a timeout).
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _count;

    public LoopbackReceiver()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    /// <summary>Decides the answer from the request and its 1-based arrival number.</summary>
    public Func<RecordedRequest, int, ReceiverResponse> Respond { get; set; } = (_, _) => ReceiverResponse.Ok;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body);
        var number = Interlocked.Increment(ref _count);
        var response = Respond(request, number);
        _requests.Enqueue(request with { AnsweredStatus = response.Stall ? null : response.Status });
        try
        {
            if (response.Stall)
            {
                // Held open until the client hangs up or the receiver stops; the client's timeout is what ends it.
                await Task.Delay(Timeout.Infinite, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                context.Response.Abort();
                return;
            }

            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers)
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentType = "text/plain";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away first (its timeout); nothing to answer.
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }
}

public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The status the receiver answered (null: it stalled, the client timed out).</summary>
    public int? AnsweredStatus { get; init; }
}

public sealed record ReceiverResponse(int Status, string Body = "ok", bool Stall = false)
{
    public static readonly ReceiverResponse Ok = new(200);

    public static readonly ReceiverResponse Timeout = new(0, "", Stall: true);

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
