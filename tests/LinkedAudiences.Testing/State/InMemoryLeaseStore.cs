using LinkedAudiences.Core.State;

namespace LinkedAudiences.Testing.State;

/// <summary><see cref="ILeaseStore"/> in memory: leases expire on the given clock.</summary>
public sealed class InMemoryLeaseStore(TimeProvider time) : ILeaseStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (string Owner, DateTimeOffset Expires)> _leases = new(StringComparer.Ordinal);

    public Task<bool> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_leases.TryGetValue(name, out var lease) && lease.Expires > now && !string.Equals(lease.Owner, owner, StringComparison.Ordinal))
            {
                return Task.FromResult(false);
            }

            _leases[name] = (owner, now + duration);
            return Task.FromResult(true);
        }
    }

    public Task<bool> RenewAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (!_leases.TryGetValue(name, out var lease) || !string.Equals(lease.Owner, owner, StringComparison.Ordinal) || lease.Expires <= now)
            {
                return Task.FromResult(false);
            }

            _leases[name] = (owner, now + duration);
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_leases.TryGetValue(name, out var lease) && string.Equals(lease.Owner, owner, StringComparison.Ordinal))
            {
                _leases.Remove(name);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The lease's holder, if it is held and not expired.</summary>
    public string? HolderOf(string name)
    {
        lock (_lock)
        {
            return _leases.TryGetValue(name, out var lease) && lease.Expires > time.GetUtcNow() ? lease.Owner : null;
        }
    }
}
