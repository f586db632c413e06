using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.State;

namespace LinkedAudiences.Core.Lifecycle;

/// <summary>What came of asking for one run of an audience.</summary>
/// <param name="Run">The finished run; null when the runner threw (then <paramref name="Error"/> says why) or another run held the lease.</param>
/// <param name="State">The audience's lifecycle state after the run (Live or Failed, the next run time), or as found when nothing ran.</param>
/// <param name="Error">Why the run failed, as <see cref="AudienceState.StatusReason"/> records it.</param>
public sealed record LifecycleRunResult(
    string AudienceKey,
    RunTrigger Trigger,
    LifecycleRunOutcome Outcome,
    RunRecord? Run,
    AudienceState? State,
    string? Error);

public enum LifecycleRunOutcome
{
    Succeeded,

    /// <summary>The run failed (warehouse error, timeout, the runner threw); the audience is Failed with the reason.</summary>
    Failed,

    /// <summary>Another run of the audience (another host instance, or a resumed run) held its lease; nothing ran here.</summary>
    RunningElsewhere,
}
