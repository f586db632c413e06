using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Scheduling;

namespace LinkedAudiences.Core.State;

/// <summary>
/// Audiences and data graphs with their version history and lifecycle state, for hosts that keep them in the state
/// store (the CLI). The Orchard module keeps definitions as content items and implements this over them.
/// </summary>
public interface IAudienceStore
{
    /// <summary>Saves a new version of the graph (1 for a new key).</summary>
    Task<StoredGraph> SaveGraphAsync(string key, DataGraph graph, CancellationToken cancellationToken);

    Task<StoredGraph?> GetGraphAsync(string key, int? version, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a new version (1 for a new key; a new audience starts Disabled). The target (profiles vs one entity)
    /// cannot change after the first save: <see cref="AudienceTargetLockedException"/>. The lifecycle state is kept.
    /// </summary>
    Task<StoredAudience> SaveAudienceAsync(string key, AudienceDefinition definition, AudienceSettings settings, CancellationToken cancellationToken);

    /// <summary>The latest version, or the given one.</summary>
    Task<StoredAudience?> GetAudienceAsync(string key, int? version, CancellationToken cancellationToken);

    /// <summary>The latest version of every audience, by key.</summary>
    Task<IReadOnlyList<StoredAudience>> ListAudiencesAsync(CancellationToken cancellationToken);

    /// <summary>Ascending; empty for an unknown key.</summary>
    Task<IReadOnlyList<int>> ListVersionsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Replaces the lifecycle state; an unknown key throws <see cref="KeyNotFoundException"/>.</summary>
    Task UpdateStateAsync(string key, AudienceState state, CancellationToken cancellationToken);

    /// <summary>Removes every version and the state (runs and outbox are the run store's: see IRunStore.DeleteAudienceAsync).</summary>
    Task DeleteAudienceAsync(string key, CancellationToken cancellationToken);
}

public sealed record StoredGraph(string Key, int Version, DataGraph Graph, DateTimeOffset SavedAt);

/// <summary>Name, description, folder, graph and schedule: what the seeds' Settings tab edits.</summary>
public sealed record AudienceSettings
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Folder { get; init; }

    public required string GraphKey { get; init; }

    public RunSchedule Schedule { get; init; } = RunSchedule.Manual;
}

/// <summary>Lifecycle state: created disabled; Computing, Live, Disabled or Failed (with the reason); the next scheduled run.</summary>
public sealed record AudienceState
{
    public bool Enabled { get; init; }

    public AudienceStatus Status { get; init; } = AudienceStatus.Disabled;

    public string? StatusReason { get; init; }

    public DateTimeOffset? NextRunAt { get; init; }

    public long? LastMemberCount { get; init; }

    public DateTimeOffset? LastRunAt { get; init; }
}

public enum AudienceStatus
{
    Disabled,
    Computing,
    Live,
    Failed,
}

public sealed record StoredAudience(string Key, int Version, AudienceDefinition Definition, AudienceSettings Settings, AudienceState State, DateTimeOffset SavedAt);
