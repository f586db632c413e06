using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using LinkedAudiences.Core.Events;

namespace LinkedAudiences.Core.Runs;

/// <summary>
/// The events of a run between the warehouse and the commit, one JSON line each in a temporary file: the commit needs
/// the run's change summary before it reads the events, and holding a first run's million events in memory is not an
/// option. The file goes away with the spool — also when the process is killed: on Unix it is unlinked as soon as it
/// is open (the open handle keeps it readable), on Windows the OS deletes it when the last handle closes.
/// </summary>
internal sealed class EventSpool : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly FileStream _file;
    private readonly StreamWriter _writer;

    public EventSpool(string? directory)
    {
        var path = Path.Combine(directory ?? Path.GetTempPath(), "la-run-" + Guid.NewGuid().ToString("N") + ".jsonl");
        // DeleteOnClose alone leaves the file behind on Unix when the process dies (.NET unlinks it on dispose, which a
        // killed process never reaches): a crashed first run would leave a file the size of its audience in the temp folder.
        var unlinkNow = !OperatingSystem.IsWindows();
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, (unlinkNow ? FileOptions.None : FileOptions.DeleteOnClose) | FileOptions.Asynchronous);
        if (unlinkNow)
        {
            File.Delete(path);
        }

        _writer = new StreamWriter(_file, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
    }

    public long Count { get; private set; }

    public async Task AddAsync(AudienceEvent audienceEvent, CancellationToken cancellationToken)
    {
        await _writer.WriteLineAsync(JsonSerializer.Serialize(audienceEvent, Json).AsMemory(), cancellationToken);
        Count++;
    }

    /// <summary>The events in the order they were added (read once, after the last add).</summary>
    public async IAsyncEnumerable<AudienceEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _writer.FlushAsync(cancellationToken);
        _file.Position = 0;
        using var reader = new StreamReader(_file, Encoding.UTF8, false, 1 << 16, leaveOpen: true);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            yield return JsonSerializer.Deserialize<AudienceEvent>(line, Json)
                ?? throw new InvalidOperationException("The run's event spool holds an empty line.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _file.DisposeAsync();
    }
}
