using System.Data.Common;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Storage.Engines;

namespace LinkedAudiences.Storage.Runs;

/// <summary>How a <see cref="RunRecord"/> maps to a la_run row: enums by name, timings as ticks, the summary as columns.</summary>
internal static class RunRows
{
    public const string Columns =
        "run_id, audience_key, definition_version, membership_version, run_trigger, status, queued_at, started_at, finished_at, as_of, error, " +
        "members, entered, exited, entities_entered, entities_exited, values_changed, queueing_ticks, extracting_ticks, preparing_ticks";

    public const string Values =
        "@run_id, @audience_key, @definition_version, @membership_version, @run_trigger, @status, @queued_at, @started_at, @finished_at, @as_of, @error, " +
        "@members, @entered, @exited, @entities_entered, @entities_exited, @values_changed, @queueing_ticks, @extracting_ticks, @preparing_ticks";

    /// <summary>Everything a run's progress may change (not its id, audience or queue time).</summary>
    public const string Updates =
        "definition_version = @definition_version, membership_version = @membership_version, run_trigger = @run_trigger, status = @status, " +
        "started_at = @started_at, finished_at = @finished_at, as_of = @as_of, error = @error, members = @members, entered = @entered, " +
        "exited = @exited, entities_entered = @entities_entered, entities_exited = @entities_exited, values_changed = @values_changed, " +
        "queueing_ticks = @queueing_ticks, extracting_ticks = @extracting_ticks, preparing_ticks = @preparing_ticks";

    public static (string Name, object? Value)[] Parameters(StoreEngine engine, RunRecord run) =>
    [
        ("run_id", run.RunId),
        ("audience_key", run.AudienceKey),
        ("definition_version", run.DefinitionVersion),
        ("membership_version", run.MembershipVersion),
        ("run_trigger", run.Trigger.ToString()),
        ("status", run.Status.ToString()),
        ("queued_at", engine.Timestamp(run.QueuedAt)),
        ("started_at", engine.Timestamp(run.StartedAt)),
        ("finished_at", engine.Timestamp(run.FinishedAt)),
        ("as_of", engine.Timestamp(run.AsOf)),
        ("error", run.Error),
        ("members", run.Summary.Members),
        ("entered", run.Summary.Entered),
        ("exited", run.Summary.Exited),
        ("entities_entered", run.Summary.EntitiesEntered),
        ("entities_exited", run.Summary.EntitiesExited),
        ("values_changed", run.Summary.ValuesChanged),
        ("queueing_ticks", run.Timings.Queueing.Ticks),
        ("extracting_ticks", run.Timings.Extracting.Ticks),
        ("preparing_ticks", run.Timings.Preparing.Ticks),
    ];

    public static RunRecord Read(StoreEngine engine, DbDataReader reader) => new()
    {
        RunId = reader.GetString(0),
        AudienceKey = reader.GetString(1),
        DefinitionVersion = reader.GetInt32(2),
        MembershipVersion = reader.GetInt64(3),
        Trigger = Enum.Parse<RunTrigger>(reader.GetString(4)),
        Status = Enum.Parse<RunStatus>(reader.GetString(5)),
        QueuedAt = engine.ReadTimestamp(reader, 6),
        StartedAt = engine.ReadNullableTimestamp(reader, 7),
        FinishedAt = engine.ReadNullableTimestamp(reader, 8),
        AsOf = engine.ReadTimestamp(reader, 9),
        Error = reader.IsDBNull(10) ? null : reader.GetString(10),
        Summary = new ChangeSummary(reader.GetInt64(11), reader.GetInt64(12), reader.GetInt64(13), reader.GetInt64(14), reader.GetInt64(15), reader.GetInt64(16)),
        Timings = new StageTimings(TimeSpan.FromTicks(reader.GetInt64(17)), TimeSpan.FromTicks(reader.GetInt64(18)), TimeSpan.FromTicks(reader.GetInt64(19))),
    };
}
