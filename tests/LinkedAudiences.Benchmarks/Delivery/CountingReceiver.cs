using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace LinkedAudiences.Benchmarks.Delivery;

/// <summary>
/// The benchmark's webhook receiver on 127.0.0.1 (HttpListener, in this process): answers 200 at once and keeps the
/// distinct messageIds of the top-level objects of each JSON array body. Ids ("la-" + 32 hex digits) are kept as
/// 128-bit numbers, not strings, so the receiver's own share of the process memory stays small (~40 MB at 1M).
/// </summary>
internal sealed class CountingReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HashSet<UInt128> _seen = [];
    private readonly Lock _lock = new();
    private readonly Task _loop;
    private long _requests;
    private long _events;
    private long _duplicates;
    private long _unreadable;

    public CountingReceiver()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        }

        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Events received, duplicates included.</summary>
    public long Events => Interlocked.Read(ref _events);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Events without a readable messageId.</summary>
    public long Unreadable => Interlocked.Read(ref _unreadable);

    public bool Contains(string messageId)
    {
        lock (_lock)
        {
            return TryParse(messageId, out var id) && _seen.Contains(id);
        }
    }

    public int Distinct
    {
        get
        {
            lock (_lock)
            {
                return _seen.Count;
            }
        }
    }

    private async Task LoopAsync()
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

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(buffer);
        Count(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        Interlocked.Increment(ref _requests);
        context.Response.StatusCode = 200;
        context.Response.ContentLength64 = 0;
        context.Response.Close();
    }

    private void Count(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        List<UInt128> ids = [];
        var events = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 1)
            {
                events++;
            }
            else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 2 && reader.ValueTextEquals("messageId"u8))
            {
                reader.Read();
                if (TryParse(reader.GetString(), out var id))
                {
                    ids.Add(id);
                }
            }
        }

        Interlocked.Add(ref _events, events);
        Interlocked.Add(ref _unreadable, events - ids.Count);
        lock (_lock)
        {
            foreach (var id in ids)
            {
                if (!_seen.Add(id))
                {
                    _duplicates++;
                }
            }
        }
    }

    private static bool TryParse(string? messageId, out UInt128 id)
    {
        id = default;
        return messageId is { Length: 35 } && messageId.StartsWith("la-", StringComparison.Ordinal)
            && UInt128.TryParse(messageId.AsSpan(3), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out id);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
