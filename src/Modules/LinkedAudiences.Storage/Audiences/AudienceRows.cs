using System.Data.Common;
using System.Text.Json;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Core.State;
using LinkedAudiences.Storage.Engines;

namespace LinkedAudiences.Storage.Audiences;

/// <summary>
/// How a <see cref="StoredAudience"/> maps to a la_audience_version row joined to its la_audience state row.
/// Definitions and settings are JSON text in the public contract's form (<see cref="LinkedAudiencesJson"/>).
/// </summary>
internal static class AudienceRows
{
    public const string Select =
        "SELECT a.audience_key, v.version, v.definition_json, v.settings_json, v.saved_at, " +
        "a.enabled, a.status, a.status_reason, a.next_run_at, a.last_member_count, a.last_run_at " +
        "FROM la_audience a JOIN la_audience_version v ON v.audience_key = a.audience_key";

    public const string StateColumns = "enabled, status, status_reason, next_run_at, last_member_count, last_run_at";

    public static string Json(AudienceSettings settings) => JsonSerializer.Serialize(settings, LinkedAudiencesJson.Compact);

    public static (string Name, object? Value)[] StateParameters(StoreEngine engine, AudienceState state) =>
    [
        ("enabled", state.Enabled),
        ("status", state.Status.ToString()),
        ("status_reason", state.StatusReason),
        ("next_run_at", engine.Timestamp(state.NextRunAt)),
        ("last_member_count", state.LastMemberCount),
        ("last_run_at", engine.Timestamp(state.LastRunAt)),
    ];

    /// <summary>Reads the six state columns starting at <paramref name="first"/>.</summary>
    public static AudienceState ReadState(StoreEngine engine, DbDataReader reader, int first) => new()
    {
        Enabled = reader.GetBoolean(first),
        Status = Enum.Parse<AudienceStatus>(reader.GetString(first + 1)),
        StatusReason = reader.IsDBNull(first + 2) ? null : reader.GetString(first + 2),
        NextRunAt = engine.ReadNullableTimestamp(reader, first + 3),
        LastMemberCount = reader.IsDBNull(first + 4) ? null : reader.GetInt64(first + 4),
        LastRunAt = engine.ReadNullableTimestamp(reader, first + 5),
    };

    public static StoredAudience Read(StoreEngine engine, DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt32(1),
        LinkedAudiencesJson.ParseAudience(reader.GetString(2)),
        JsonSerializer.Deserialize<AudienceSettings>(reader.GetString(3), LinkedAudiencesJson.Options)
            ?? throw new JsonException($"Audience '{reader.GetString(0)}' version {reader.GetInt32(1)} has empty settings."),
        ReadState(engine, reader, 5),
        engine.ReadTimestamp(reader, 4));
}
