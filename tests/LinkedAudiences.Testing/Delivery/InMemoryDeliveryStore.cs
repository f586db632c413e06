using LinkedAudiences.Core.Delivery;

namespace LinkedAudiences.Testing.Delivery;

/// <summary><see cref="IDeliveryStore"/> in memory, with the real store's keying (activation, messageId) and cursor rule.</summary>
public sealed class InMemoryDeliveryStore : IDeliveryStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _cursors = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), DeliveryRecord> _records = [];

    public IReadOnlyList<DeliveryRecord> Records
    {
        get
        {
            lock (_lock)
            {
                return [.. _records.Values.OrderBy(r => r.Position)];
            }
        }
    }

    public Task<long> GetCursorAsync(string activationKey, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_cursors.GetValueOrDefault(activationKey));
        }
    }

    public Task EnqueueAsync(string activationKey, IReadOnlyList<DeliveryRecord> records, long cursor, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var record in records)
            {
                _records.TryAdd((activationKey, record.MessageId), record);
            }

            _cursors[activationKey] = Math.Max(cursor, _cursors.GetValueOrDefault(activationKey));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeliveryRecord>> ListDueAsync(string activationKey, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<DeliveryRecord>>([.. _records.Values
                .Where(r => r.ActivationKey == activationKey && r.State == DeliveryState.Pending && r.NextAttemptAt <= now)
                .OrderBy(r => r.Position).Take(limit)]);
        }
    }

    public Task<DateTimeOffset?> NextDueAsync(string activationKey, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_records.Values.Where(r => r.ActivationKey == activationKey && r.State == DeliveryState.Pending).Min(r => r.NextAttemptAt));
        }
    }

    public Task UpdateAsync(IReadOnlyList<DeliveryRecord> records, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var record in records)
            {
                var key = (record.ActivationKey, record.MessageId);
                if (!_records.ContainsKey(key))
                {
                    throw new KeyNotFoundException(record.MessageId);
                }

                _records[key] = record;
            }
        }

        return Task.CompletedTask;
    }

    public Task<DeliveryRecord?> FindAsync(string activationKey, string messageId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_records.GetValueOrDefault((activationKey, messageId)));
        }
    }

    public Task<IReadOnlyList<DeliveryCount>> CountAsync(string activationKey, DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<DeliveryCount>>([.. _records.Values
                .Where(r => r.ActivationKey == activationKey && r.Event.Timestamp >= from && r.Event.Timestamp < to)
                .GroupBy(r => (r.Event.Kind, r.State, Retrying: r.State == DeliveryState.Pending && r.Attempts > 0, r.LastError,
                    Bucket: from + (bucket * Math.Floor((r.Event.Timestamp - from) / bucket))))
                .Select(g => new DeliveryCount(g.Key.Kind, g.Key.State, g.Key.Retrying, g.Key.LastError, g.Key.Bucket, g.Count(), g.Max(r => r.UpdatedAt)))]);
        }
    }

    public Task DeleteActivationAsync(string activationKey, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _cursors.Remove(activationKey);
            foreach (var key in _records.Keys.Where(k => k.Item1 == activationKey).ToList())
            {
                _records.Remove(key);
            }
        }

        return Task.CompletedTask;
    }
}
