using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.State;

namespace LinkedAudiences.ViewModels;

/// <summary>The run status of every published audience.</summary>
public sealed class AudienceRunsIndexViewModel
{
    public IReadOnlyList<StoredAudience> Audiences { get; init; } = [];
}

/// <summary>One audience's overview: status, last count, next run, actions, and its last 50 runs.</summary>
public sealed class AudienceOverviewViewModel
{
    public required StoredAudience Audience { get; init; }

    public IReadOnlyList<RunRecord> Runs { get; init; } = [];

    public bool CanRun { get; init; }
}
