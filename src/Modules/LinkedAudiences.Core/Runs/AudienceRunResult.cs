using LinkedAudiences.Core.State;

namespace LinkedAudiences.Core.Runs;

/// <summary>How a run ended, and the audience status it implies (the lifecycle owner records it).</summary>
public sealed record AudienceRunResult
{
    public required AudienceRunOutcome Outcome { get; init; }

    /// <summary>The run as stored; null when it did not start (<see cref="AudienceRunOutcome.LeaseHeld"/>).</summary>
    public RunRecord? Run { get; init; }

    /// <summary>Live after a success, Failed after a failure; null when the run did not start.</summary>
    public AudienceStatus? Status { get; init; }

    /// <summary>Why the run failed (the warehouse's message), when it did.</summary>
    public string? StatusReason { get; init; }

    /// <summary>
    /// A problem after the commit (refreshing the warehouse's pointer or dropping the previous snapshot) that did not
    /// undo the run: the next run repairs it.
    /// </summary>
    public string? Warning { get; init; }
}

public enum AudienceRunOutcome
{
    Succeeded,
    Failed,

    /// <summary>Another run of the audience holds its lease; nothing was done.</summary>
    LeaseHeld,
}
