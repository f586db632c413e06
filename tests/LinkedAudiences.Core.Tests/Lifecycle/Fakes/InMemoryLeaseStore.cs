using LinkedAudiences.Core.State;

namespace LinkedAudiences.Core.Tests.Lifecycle.Fakes;

/// <summary>Leases in a dictionary, expiring on the (fake) clock.</summary>
internal sealed class InMemoryLeaseStore(TimeProvider clock) : ILeaseStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (string Owner, DateTimeOffset Expires)> _leases = new(StringComparer.Ordinal);

    public string? HolderOf(string name)
    {
        lock (_gate)
        {
            return _leases.TryGetValue(name, out var l) && l.Expires > clock.GetUtcNow() ? l.Owner : null;
        }
    }

    public Task<bool> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_leases.TryGetValue(name, out var lease) && lease.Owner != owner && lease.Expires > now)
            {
                return Task.FromResult(false);
            }

            _leases[name] = (owner, now + duration);
            return Task.FromResult(true);
        }
    }

    public Task<bool> RenewAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_leases.TryGetValue(name, out var lease) && lease.Owner == owner && lease.Expires > now)
            {
                _leases[name] = (owner, now + duration);
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }

    public Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue(name, out var lease) && lease.Owner == owner)
            {
                _leases.Remove(name);
            }

            return Task.CompletedTask;
        }
    }
}
