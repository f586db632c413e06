using LinkedAudiences.Core.Snapshots;

namespace LinkedAudiences.Core.Runs;

/// <summary>Settings of <see cref="AudienceRunner"/>.</summary>
public sealed record AudienceRunnerOptions
{
    /// <summary>Where snapshots live in the warehouse. Default: schema "linked_audiences", view "audience_membership".</summary>
    public SnapshotOptions Snapshots { get; init; } = new();

    /// <summary>How long a run's lease lasts; the runner renews it every third of that while it works. Default 5 minutes.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest one warehouse statement (or the reading of one query's rows) may take. Default 1 hour; null for no limit.</summary>
    public TimeSpan? WarehouseTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Where the changes of a run wait between the warehouse and the commit. Default: the system's temporary folder.</summary>
    public string? SpoolDirectory { get; init; }

    /// <summary>
    /// Called at each stage of <see cref="RunCheckpoints"/> with its name: a test hook, so a crash test can stop the
    /// process at a known point of a run (the CLI reads LA_CRASH_AT for it). Null (the default) skips every call.
    /// </summary>
    public Func<string, CancellationToken, ValueTask>? Checkpoint { get; init; }
}
