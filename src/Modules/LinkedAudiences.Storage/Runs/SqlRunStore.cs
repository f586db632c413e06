using System.Globalization;
using System.Runtime.CompilerServices;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.State;
using LinkedAudiences.Storage.Engines;

namespace LinkedAudiences.Storage.Runs;

/// <summary>Runs, the outbox and committed versions over either engine; the engine supplies the outbox's bulk path.</summary>
internal sealed class SqlRunStore(StoreEngine engine, TimeProvider time) : IRunStore
{
    private const string Finished = "('Succeeded', 'Failed')";

    public async Task<long> GetCommittedVersionAsync(string audienceKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(audienceKey);
        await using var connection = await engine.OpenAsync(cancellationToken);
        var version = await connection.ScalarAsync(
            "SELECT version FROM la_committed_version WHERE audience_key = @audience", cancellationToken, ("audience", audienceKey));
        return version is null ? 0 : Convert.ToInt64(version, CultureInfo.InvariantCulture);
    }

    public async Task CreateRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        Check(run);
        await using var write = await engine.BeginWriteAsync(cancellationToken);
        var inserted = await write.ExecuteAsync(
            $"INSERT INTO la_run ({RunRows.Columns}) VALUES ({RunRows.Values}) ON CONFLICT (run_id) DO NOTHING",
            cancellationToken, RunRows.Parameters(engine, run));
        if (inserted == 0)
        {
            throw new InvalidOperationException($"A run '{run.RunId}' exists already.");
        }

        await write.CommitAsync(cancellationToken);
    }

    public async Task UpdateRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        Check(run);
        if (run.Status == RunStatus.Succeeded)
        {
            throw new ArgumentException($"Run '{run.RunId}' cannot become Succeeded by an update: commit it (CommitRunAsync), which also writes its events and committed version.", nameof(run));
        }

        await using var write = await engine.BeginWriteAsync(cancellationToken);
        var status = await write.ScalarAsync(
            $"SELECT status FROM la_run WHERE run_id = @run_id{engine.ForUpdate}", cancellationToken, ("run_id", run.RunId));
        switch (status)
        {
            case null:
                throw new KeyNotFoundException($"There is no run '{run.RunId}'.");
            case nameof(RunStatus.Succeeded):
                throw new InvalidOperationException($"Run '{run.RunId}' is committed; its record no longer changes.");
        }

        await write.ExecuteAsync($"UPDATE la_run SET {RunRows.Updates} WHERE run_id = @run_id", cancellationToken, RunRows.Parameters(engine, run));
        if (run.Status == RunStatus.Failed)
        {
            await PruneAsync(write, run.AudienceKey, cancellationToken);
        }

        await write.CommitAsync(cancellationToken);
    }

    public async Task CommitRunAsync(RunRecord run, IAsyncEnumerable<AudienceEvent> events, CancellationToken cancellationToken)
    {
        Check(run);
        ArgumentNullException.ThrowIfNull(events);
        var succeeded = run with { Status = RunStatus.Succeeded };
        await using var write = await engine.StageOutboxAsync(OfRun(run, events, cancellationToken), cancellationToken);

        // On PostgreSQL the row lock this takes also keeps two commits of one audience apart until this one ends.
        var moved = await write.ExecuteAsync(
            """
            INSERT INTO la_committed_version (audience_key, version, run_id, committed_at) VALUES (@audience, @version, @run, @now)
            ON CONFLICT (audience_key) DO UPDATE SET version = excluded.version, run_id = excluded.run_id, committed_at = excluded.committed_at
            WHERE la_committed_version.version <= excluded.version
            """,
            cancellationToken,
            ("audience", run.AudienceKey), ("version", run.MembershipVersion), ("run", run.RunId), ("now", engine.Timestamp(time.GetUtcNow())));
        if (moved == 0)
        {
            throw new InvalidOperationException(
                $"Run '{run.RunId}' of audience '{run.AudienceKey}' would commit membership version {run.MembershipVersion}, older than the committed one: another run got there first.");
        }

        await engine.PublishOutboxAsync(write, run, cancellationToken);
        await write.ExecuteAsync(
            $"INSERT INTO la_run ({RunRows.Columns}) VALUES ({RunRows.Values}) ON CONFLICT (run_id) DO UPDATE SET {RunRows.Updates}",
            cancellationToken, RunRows.Parameters(engine, succeeded));
        await PruneAsync(write, run.AudienceKey, cancellationToken);
        await write.CommitAsync(cancellationToken);
    }

    public async Task<RunRecord?> FindRunAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var runs = await ReadRunsAsync($"SELECT {RunRows.Columns} FROM la_run WHERE run_id = @run_id", cancellationToken, ("run_id", runId));
        return runs.Count == 0 ? null : runs[0];
    }

    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(string audienceKey, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(audienceKey);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadRunsAsync(
            $"SELECT {RunRows.Columns} FROM la_run WHERE audience_key = @audience ORDER BY queued_at DESC, seq DESC LIMIT @limit",
            cancellationToken, ("audience", audienceKey), ("limit", limit));
    }

    public Task<IReadOnlyList<RunRecord>> ListUnfinishedRunsAsync(CancellationToken cancellationToken) =>
        ReadRunsAsync(
            $"SELECT {RunRows.Columns} FROM la_run WHERE status IN ('Queued', 'Running') ORDER BY queued_at, seq",
            cancellationToken);

    public async IAsyncEnumerable<OutboxEntry> ReadOutboxAsync(string runId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        await using var connection = await engine.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            $"SELECT {OutboxRows.Columns} FROM la_outbox WHERE run_id = @run ORDER BY position", ("run", runId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return OutboxRows.Read(engine, reader);
        }
    }

    public async Task<IReadOnlyList<OutboxEntry>> ReadOutboxAfterAsync(long position, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await engine.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            $"SELECT {OutboxRows.Columns} FROM la_outbox WHERE position > @position ORDER BY position LIMIT @limit",
            ("position", position), ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<OutboxEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(OutboxRows.Read(engine, reader));
        }

        return entries;
    }

    public async Task DeleteAudienceAsync(string audienceKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(audienceKey);
        await using var write = await engine.BeginWriteAsync(cancellationToken);
        foreach (var table in (string[])["la_outbox", "la_run", "la_committed_version"])
        {
            await write.ExecuteAsync($"DELETE FROM {table} WHERE audience_key = @audience", cancellationToken, ("audience", audienceKey));
        }

        await write.CommitAsync(cancellationToken);
    }

    private static void Check(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(run.RunId, nameof(run));
        ArgumentException.ThrowIfNullOrEmpty(run.AudienceKey, nameof(run));
    }

    /// <summary>
    /// The events as they stream by, refusing any of another run: the outbox stores run, audience and version once per
    /// run, and an event filed under the wrong run would never be read back with it.
    /// </summary>
    private static async IAsyncEnumerable<AudienceEvent> OfRun(RunRecord run, IAsyncEnumerable<AudienceEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            if (!string.Equals(e.RunId, run.RunId, StringComparison.Ordinal)
                || !string.Equals(e.AudienceKey, run.AudienceKey, StringComparison.Ordinal)
                || e.MembershipVersion != run.MembershipVersion)
            {
                throw new ArgumentException(
                    $"Event '{e.MessageId}' (run '{e.RunId}', audience '{e.AudienceKey}', version {e.MembershipVersion}) does not belong to run '{run.RunId}' (audience '{run.AudienceKey}', version {run.MembershipVersion}); nothing was committed.",
                    nameof(events));
            }

            yield return e;
        }
    }

    /// <summary>Keeps the newest <see cref="StateStore.RunsKeptPerAudience"/> runs of the audience; unfinished ones are never pruned.</summary>
    private static Task<int> PruneAsync(WriteScope write, string audienceKey, CancellationToken cancellationToken) =>
        write.ExecuteAsync(
            $"""
            DELETE FROM la_run WHERE audience_key = @audience AND status IN {Finished}
            AND seq NOT IN (SELECT seq FROM la_run WHERE audience_key = @audience ORDER BY queued_at DESC, seq DESC LIMIT @keep)
            """,
            cancellationToken, ("audience", audienceKey), ("keep", StateStore.RunsKeptPerAudience));

    private async Task<IReadOnlyList<RunRecord>> ReadRunsAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await engine.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<RunRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(RunRows.Read(engine, reader));
        }

        return runs;
    }
}
