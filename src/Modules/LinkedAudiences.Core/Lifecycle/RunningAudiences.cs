using System.Collections.Concurrent;

namespace LinkedAudiences.Core.Lifecycle;

/// <summary>
/// The audiences this process is running right now. Share one instance (a singleton) between the scheduler and the
/// lifecycle of a host, so that a tick does not dispatch an audience a Run Now is already running, and the other way
/// round. Across processes the run lease does that job.
/// </summary>
public sealed class RunningAudiences
{
    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.Ordinal);

    public bool IsRunning(string audienceKey) => _keys.ContainsKey(audienceKey);

    internal bool TryStart(string audienceKey) => _keys.TryAdd(audienceKey, 0);

    internal void Finish(string audienceKey) => _keys.TryRemove(audienceKey, out _);
}
