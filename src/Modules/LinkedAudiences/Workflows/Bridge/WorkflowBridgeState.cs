namespace LinkedAudiences.Workflows.Bridge;

/// <summary>
/// Where the bridge is, as one YesSql document of the tenant: saved with the workflow instances an event started, in
/// the same transaction, so an event counts as fired exactly when its workflows are stored (a crash in between rolls
/// both back and the event fires again after a restart, never twice). Saved with YesSql's concurrency check, so two
/// hosts advancing it at once cannot both commit.
/// </summary>
public sealed class WorkflowBridgeState
{
    public long Id { get; set; }

    /// <summary>The outbox position of the last event handled (fired, skipped by the limit, or older than the bridge).</summary>
    public long Position { get; set; }

    /// <summary>When the feature was enabled (round-trip text): runs that finished before are history, not bridged.</summary>
    public string? StartedAt { get; set; }

    /// <summary>Runs whose events are being bridged and whose completed event has not fired yet, by run id.</summary>
    public Dictionary<string, BridgedRun> Runs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per audience, the finished runs (among the state store's last ones) whose completed or failed event fired.</summary>
    public Dictionary<string, List<string>> FinishedRuns { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>What the bridge did with one run's events so far.</summary>
public sealed class BridgedRun
{
    public string AudienceKey { get; set; } = string.Empty;

    /// <summary>Events of a run that finished before the bridge started: passed over.</summary>
    public bool Historic { get; set; }

    /// <summary>Events triggered.</summary>
    public long Fired { get; set; }

    /// <summary>Workflow instances those events started or resumed.</summary>
    public long Started { get; set; }

    /// <summary>Events not triggered because the run reached the audience's limit.</summary>
    public long Skipped { get; set; }
}
