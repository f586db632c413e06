using System.Data.Common;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Core.State;
using LinkedAudiences.Storage.Engines;

namespace LinkedAudiences.Storage.Audiences;

/// <summary>
/// Audiences and graphs with every saved version kept. A head row per key (la_audience, la_graph) holds the latest
/// version number and is locked while a save numbers the next one, so concurrent saves get consecutive versions.
/// </summary>
internal sealed class SqlAudienceStore(StoreEngine engine, TimeProvider time) : IAudienceStore
{
    public async Task<StoredGraph> SaveGraphAsync(string key, DataGraph graph, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(graph);
        var json = LinkedAudiencesJson.Serialize(graph, indented: false);
        var now = StoreEngine.Truncate(time.GetUtcNow());
        await using var write = await engine.BeginWriteAsync(cancellationToken);
        await write.ExecuteAsync(
            "INSERT INTO la_graph (graph_key, latest_version, created_at) VALUES (@key, 0, @now) ON CONFLICT (graph_key) DO NOTHING",
            cancellationToken, ("key", key), ("now", engine.Timestamp(now)));
        var latest = await write.ScalarAsync(
            $"SELECT latest_version FROM la_graph WHERE graph_key = @key{engine.ForUpdate}", cancellationToken, ("key", key));
        var version = Convert.ToInt32(latest, System.Globalization.CultureInfo.InvariantCulture) + 1;
        await write.ExecuteAsync(
            "INSERT INTO la_graph_version (graph_key, version, graph_json, saved_at) VALUES (@key, @version, @json, @now)",
            cancellationToken, ("key", key), ("version", version), ("json", json), ("now", engine.Timestamp(now)));
        await write.ExecuteAsync(
            "UPDATE la_graph SET latest_version = @version WHERE graph_key = @key", cancellationToken, ("key", key), ("version", version));
        await write.CommitAsync(cancellationToken);
        return new StoredGraph(key, version, graph, now);
    }

    public async Task<StoredGraph?> GetGraphAsync(string key, int? version, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        await using var connection = await engine.OpenAsync(cancellationToken);
        await using var command = version is null
            ? connection.CreateCommand(
                "SELECT version, graph_json, saved_at FROM la_graph_version WHERE graph_key = @key ORDER BY version DESC LIMIT 1", ("key", key))
            : connection.CreateCommand(
                "SELECT version, graph_json, saved_at FROM la_graph_version WHERE graph_key = @key AND version = @version", ("key", key), ("version", version));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredGraph(key, reader.GetInt32(0), LinkedAudiencesJson.ParseGraph(reader.GetString(1)), engine.ReadTimestamp(reader, 2))
            : null;
    }

    public async Task<StoredAudience> SaveAudienceAsync(string key, AudienceDefinition definition, AudienceSettings settings, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(settings);
        var target = definition.Target;
        var definitionJson = LinkedAudiencesJson.Serialize(definition, indented: false);
        var settingsJson = AudienceRows.Json(settings);
        var now = StoreEngine.Truncate(time.GetUtcNow());

        await using var write = await engine.BeginWriteAsync(cancellationToken);
        // A new audience starts disabled, with the target of its first save.
        await write.ExecuteAsync(
            $"""
            INSERT INTO la_audience (audience_key, target_type, target_entity, latest_version, {AudienceRows.StateColumns}, created_at)
            VALUES (@key, @target_type, @target_entity, 0, @enabled, @status, NULL, NULL, NULL, NULL, @now)
            ON CONFLICT (audience_key) DO NOTHING
            """,
            cancellationToken,
            ("key", key), ("target_type", target.Type.ToString()), ("target_entity", TargetEntity(target)),
            ("enabled", false), ("status", nameof(AudienceStatus.Disabled)), ("now", engine.Timestamp(now)));

        AudienceTarget saved;
        int version;
        AudienceState state;
        await using (var command = write.Command(
            $"SELECT target_type, target_entity, latest_version, {AudienceRows.StateColumns} FROM la_audience WHERE audience_key = @key{engine.ForUpdate}",
            ("key", key)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            saved = new AudienceTarget { Type = Enum.Parse<TargetType>(reader.GetString(0)), Entity = reader.IsDBNull(1) ? null : reader.GetString(1) };
            version = reader.GetInt32(2) + 1;
            state = AudienceRows.ReadState(engine, reader, 3);
        }

        if (saved.Type != target.Type || !string.Equals(TargetEntity(saved), TargetEntity(target), StringComparison.Ordinal))
        {
            throw new AudienceTargetLockedException(key, saved, target);
        }

        await write.ExecuteAsync(
            "INSERT INTO la_audience_version (audience_key, version, definition_json, settings_json, saved_at) VALUES (@key, @version, @definition, @settings, @now)",
            cancellationToken,
            ("key", key), ("version", version), ("definition", definitionJson), ("settings", settingsJson), ("now", engine.Timestamp(now)));
        await write.ExecuteAsync(
            "UPDATE la_audience SET latest_version = @version WHERE audience_key = @key", cancellationToken, ("key", key), ("version", version));
        await write.CommitAsync(cancellationToken);
        return new StoredAudience(key, version, definition, settings, state, now);
    }

    public async Task<StoredAudience?> GetAudienceAsync(string key, int? version, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var audiences = version is null
            ? await ReadAsync($"{AudienceRows.Select} AND v.version = a.latest_version WHERE a.audience_key = @key", cancellationToken, ("key", key))
            : await ReadAsync($"{AudienceRows.Select} AND v.version = @version WHERE a.audience_key = @key", cancellationToken, ("key", key), ("version", version));
        return audiences.Count == 0 ? null : audiences[0];
    }

    public Task<IReadOnlyList<StoredAudience>> ListAudiencesAsync(CancellationToken cancellationToken) =>
        ReadAsync($"{AudienceRows.Select} AND v.version = a.latest_version ORDER BY a.audience_key", cancellationToken);

    public async Task<IReadOnlyList<int>> ListVersionsAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        await using var connection = await engine.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            "SELECT version FROM la_audience_version WHERE audience_key = @key ORDER BY version", ("key", key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    public async Task UpdateStateAsync(string key, AudienceState state, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(state);
        await using var write = await engine.BeginWriteAsync(cancellationToken);
        var updated = await write.ExecuteAsync(
            """
            UPDATE la_audience SET enabled = @enabled, status = @status, status_reason = @status_reason, next_run_at = @next_run_at,
                last_member_count = @last_member_count, last_run_at = @last_run_at
            WHERE audience_key = @key
            """,
            cancellationToken, [("key", key), .. AudienceRows.StateParameters(engine, state)]);
        if (updated == 0)
        {
            throw new KeyNotFoundException($"There is no audience '{key}'.");
        }

        await write.CommitAsync(cancellationToken);
    }

    public async Task DeleteAudienceAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        await using var write = await engine.BeginWriteAsync(cancellationToken);
        await write.ExecuteAsync("DELETE FROM la_audience_version WHERE audience_key = @key", cancellationToken, ("key", key));
        await write.ExecuteAsync("DELETE FROM la_audience WHERE audience_key = @key", cancellationToken, ("key", key));
        await write.CommitAsync(cancellationToken);
    }

    /// <summary>Profile targets have no entity, whatever the definition carries there.</summary>
    private static string? TargetEntity(AudienceTarget target) => target.Type == TargetType.Entity ? target.Entity : null;

    private async Task<IReadOnlyList<StoredAudience>> ReadAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await engine.OpenAsync(cancellationToken);
        await using DbCommand command = connection.CreateCommand(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var audiences = new List<StoredAudience>();
        while (await reader.ReadAsync(cancellationToken))
        {
            audiences.Add(AudienceRows.Read(engine, reader));
        }

        return audiences;
    }
}
