namespace LinkedAudiences.Core.Runs;

/// <summary>One run of one audience, as the run history shows it (the last 50 per audience are kept).</summary>
public sealed record RunRecord
{
    public required string RunId { get; init; }

    public required string AudienceKey { get; init; }

    /// <summary>The definition version the run compiled (the Orchard content item version, or the store's version).</summary>
    public required int DefinitionVersion { get; init; }

    /// <summary>The membership version this run produces (previous committed + 1); part of every event's messageId.</summary>
    public required long MembershipVersion { get; init; }

    public required RunTrigger Trigger { get; init; }

    public required DateTimeOffset QueuedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The evaluation time the run used (SEMANTICS 1).</summary>
    public required DateTimeOffset AsOf { get; init; }

    public RunStatus Status { get; init; } = RunStatus.Queued;

    /// <summary>Why the run failed (the warehouse's message), when it did.</summary>
    public string? Error { get; init; }

    public ChangeSummary Summary { get; init; } = ChangeSummary.Empty;

    public StageTimings Timings { get; init; } = StageTimings.Empty;

    public TimeSpan? Duration => FinishedAt - StartedAt;
}

public enum RunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

public enum RunTrigger
{
    Manual,
    Schedule,
    Enabled,
}

/// <summary>What changed in a run.</summary>
public sealed record ChangeSummary(long Members, long Entered, long Exited, long EntitiesEntered, long EntitiesExited, long ValuesChanged)
{
    public static readonly ChangeSummary Empty = new(0, 0, 0, 0, 0, 0);
}

/// <summary>The seeds' granular run stats: queueing, extracting from warehouse, preparing to deliver events.</summary>
public sealed record StageTimings(TimeSpan Queueing, TimeSpan Extracting, TimeSpan Preparing)
{
    public static readonly StageTimings Empty = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
}
