using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.State;

namespace LinkedAudiences.Core.Tests.Lifecycle.Fakes;

/// <summary>An audience store in a dictionary; it also keeps every state it was given, to assert transitions.</summary>
internal sealed class InMemoryAudienceStore(TimeProvider clock) : IAudienceStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<StoredAudience>> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AudienceState> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AudienceState>> _history = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StoredGraph>> _graphs = new(StringComparer.Ordinal);

    public IReadOnlyList<AudienceState> StateHistory(string key)
    {
        lock (_gate)
        {
            return _history.TryGetValue(key, out var h) ? [.. h] : [];
        }
    }

    public Task<StoredGraph> SaveGraphAsync(string key, DataGraph graph, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var list = _graphs.TryGetValue(key, out var l) ? l : _graphs[key] = [];
            var stored = new StoredGraph(key, list.Count + 1, graph, clock.GetUtcNow());
            list.Add(stored);
            return Task.FromResult(stored);
        }
    }

    public Task<StoredGraph?> GetGraphAsync(string key, int? version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var found = _graphs.TryGetValue(key, out var l) ? (version is { } v ? l.Find(g => g.Version == v) : l[^1]) : null;
            return Task.FromResult(found);
        }
    }

    public Task<StoredAudience> SaveAudienceAsync(string key, AudienceDefinition definition, AudienceSettings settings, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var list = _versions.TryGetValue(key, out var l) ? l : _versions[key] = [];
            var stored = new StoredAudience(key, list.Count + 1, definition, settings, StateOf(key), clock.GetUtcNow());
            list.Add(stored);
            return Task.FromResult(stored);
        }
    }

    public Task<StoredAudience?> GetAudienceAsync(string key, int? version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_versions.TryGetValue(key, out var list))
            {
                return Task.FromResult<StoredAudience?>(null);
            }

            var found = version is { } v ? list.Find(a => a.Version == v) : list[^1];
            return Task.FromResult(found is null ? null : found with { State = StateOf(key) });
        }
    }

    public Task<IReadOnlyList<StoredAudience>> ListAudiencesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<StoredAudience> all = [.. _versions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value[^1] with { State = StateOf(p.Key) })];
            return Task.FromResult(all);
        }
    }

    public Task<IReadOnlyList<int>> ListVersionsAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<int> versions = _versions.TryGetValue(key, out var l) ? [.. l.Select(a => a.Version)] : [];
            return Task.FromResult(versions);
        }
    }

    public Task UpdateStateAsync(string key, AudienceState state, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_versions.ContainsKey(key))
            {
                throw new InvalidOperationException($"No audience '{key}'.");
            }

            _states[key] = state;
            (_history.TryGetValue(key, out var h) ? h : _history[key] = []).Add(state);
            return Task.CompletedTask;
        }
    }

    public Task DeleteAudienceAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _versions.Remove(key);
            _states.Remove(key);
            return Task.CompletedTask;
        }
    }

    private AudienceState StateOf(string key) => _states.TryGetValue(key, out var s) ? s : new AudienceState();
}
