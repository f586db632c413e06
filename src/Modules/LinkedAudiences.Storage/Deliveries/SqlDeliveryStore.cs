using System.Globalization;
using System.Text;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Storage.Engines;

namespace LinkedAudiences.Storage.Deliveries;

/// <summary>Delivery records and outbox cursors over either engine (the SQL is the same on both).</summary>
internal sealed class SqlDeliveryStore(StoreEngine engine) : IDeliveryStore
{
    // Rows per INSERT, kept small: binding a named parameter costs a scan of the statement's parameter names in SQLite
    // (sqlite3_bind_parameter_index), so a statement's binding cost grows with the square of its parameters: 500 rows
    // (9,000 parameters) took ~4 ms per event, which capped enqueueing at ~100 events/s (docs/benchmarks.md, delivery).
    private const int RowsPerInsert = 25;

    public async Task<long> GetCursorAsync(string activationKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activationKey);
        await using var connection = await engine.OpenAsync(cancellationToken);
        var position = await connection.ScalarAsync("SELECT position FROM la_delivery_cursor WHERE activation_key = @key", cancellationToken, ("key", activationKey));
        return position is null ? 0 : Convert.ToInt64(position, CultureInfo.InvariantCulture);
    }

    public async Task EnqueueAsync(string activationKey, IReadOnlyList<DeliveryRecord> records, long cursor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activationKey);
        ArgumentNullException.ThrowIfNull(records);
        if (records.Any(r => !string.Equals(r.ActivationKey, activationKey, StringComparison.Ordinal)))
        {
            throw new ArgumentException("Every record must belong to the activation being enqueued.", nameof(records));
        }

        await using var write = await engine.BeginWriteAsync(cancellationToken);
        foreach (var chunk in records.Chunk(RowsPerInsert))
        {
            var sql = new StringBuilder($"INSERT INTO la_delivery ({DeliveryRows.Columns}) VALUES ");
            var parameters = new List<(string, object?)>(chunk.Length * DeliveryRows.ColumnCount);
            for (var i = 0; i < chunk.Length; i++)
            {
                var values = DeliveryRows.Values(chunk[i]);
                sql.Append(i == 0 ? "(" : ", (");
                for (var j = 0; j < values.Length; j++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"p{i}_{j}");
                    sql.Append(j == 0 ? "@" : ", @").Append(name);
                    parameters.Add((name, values[j]));
                }

                sql.Append(')');
            }

            sql.Append(" ON CONFLICT (activation_key, message_id) DO NOTHING");
            await write.ExecuteAsync(sql.ToString(), cancellationToken, [.. parameters]);
        }

        await write.ExecuteAsync(
            """
            INSERT INTO la_delivery_cursor (activation_key, position) VALUES (@key, @position)
            ON CONFLICT (activation_key) DO UPDATE SET position = excluded.position WHERE la_delivery_cursor.position < excluded.position
            """,
            cancellationToken, ("key", activationKey), ("position", cursor));
        await write.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryRecord>> ListDueAsync(string activationKey, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activationKey);
        await using var connection = await engine.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            $"""
            SELECT {DeliveryRows.Columns} FROM la_delivery
            WHERE activation_key = @key AND state = 'Pending' AND next_attempt_ticks <= @now
            ORDER BY position LIMIT @limit
            """,
            ("key", activationKey), ("now", now.UtcTicks), ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<DeliveryRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(DeliveryRows.Read(reader));
        }

        return records;
    }

    public async Task<DateTimeOffset?> NextDueAsync(string activationKey, CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenAsync(cancellationToken);
        var next = await connection.ScalarAsync(
            "SELECT MIN(next_attempt_ticks) FROM la_delivery WHERE activation_key = @key AND state = 'Pending'", cancellationToken, ("key", activationKey));
        return next is null ? null : DeliveryRows.At(Convert.ToInt64(next, CultureInfo.InvariantCulture));
    }

    public async Task UpdateAsync(IReadOnlyList<DeliveryRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        await using var write = await engine.BeginWriteAsync(cancellationToken);
        foreach (var r in records)
        {
            var updated = await write.ExecuteAsync(
                """
                UPDATE la_delivery SET state = @state, attempts = @attempts, next_attempt_ticks = @next, last_error = @error, updated_ticks = @updated
                WHERE activation_key = @key AND message_id = @message
                """,
                cancellationToken,
                ("state", r.State.ToString()), ("attempts", r.Attempts), ("next", r.NextAttemptAt?.UtcTicks), ("error", r.LastError),
                ("updated", r.UpdatedAt.UtcTicks), ("key", r.ActivationKey), ("message", r.MessageId));
            if (updated == 0)
            {
                throw new KeyNotFoundException($"There is no delivery of '{r.MessageId}' for activation '{r.ActivationKey}'.");
            }
        }

        await write.CommitAsync(cancellationToken);
    }

    public async Task<DeliveryRecord?> FindAsync(string activationKey, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            $"SELECT {DeliveryRows.Columns} FROM la_delivery WHERE activation_key = @key AND message_id = @message",
            ("key", activationKey), ("message", messageId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? DeliveryRows.Read(reader) : null;
    }

    public async Task<IReadOnlyList<DeliveryCount>> CountAsync(string activationKey, DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(bucket, TimeSpan.Zero);
        await using var connection = await engine.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            """
            SELECT kind, state, CASE WHEN state = 'Pending' AND attempts > 0 THEN 1 ELSE 0 END AS retrying, last_error,
                   (event_ticks - @from) / @bucket AS bucket, COUNT(*), MAX(updated_ticks)
            FROM la_delivery
            WHERE activation_key = @key AND event_ticks >= @from AND event_ticks < @to
            GROUP BY kind, state, CASE WHEN state = 'Pending' AND attempts > 0 THEN 1 ELSE 0 END, last_error, (event_ticks - @from) / @bucket
            """,
            ("key", activationKey), ("from", from.UtcTicks), ("to", to.UtcTicks), ("bucket", bucket.Ticks));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<DeliveryCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new DeliveryCount(
                Enum.Parse<AudienceEventKind>(reader.GetString(0)),
                Enum.Parse<DeliveryState>(reader.GetString(1)),
                Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) == 1,
                reader.IsDBNull(3) ? null : reader.GetString(3),
                from + (bucket * Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture)),
                Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture),
                DeliveryRows.At(Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture))));
        }

        return counts;
    }

    public async Task DeleteActivationAsync(string activationKey, CancellationToken cancellationToken)
    {
        await using var write = await engine.BeginWriteAsync(cancellationToken);
        await write.ExecuteAsync("DELETE FROM la_delivery WHERE activation_key = @key", cancellationToken, ("key", activationKey));
        await write.ExecuteAsync("DELETE FROM la_delivery_cursor WHERE activation_key = @key", cancellationToken, ("key", activationKey));
        await write.CommitAsync(cancellationToken);
    }
}
