using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Core.State;

/// <summary>
/// A save tried to change an audience's target after its first save: snapshots, events and consumers all assume the
/// members are of one kind for the audience's whole life. Clone the audience to target something else.
/// </summary>
public sealed class AudienceTargetLockedException : InvalidOperationException
{
    public AudienceTargetLockedException(string audienceKey, AudienceTarget savedTarget, AudienceTarget requestedTarget)
        : base($"The target of audience '{audienceKey}' cannot change after its first save: it is {Describe(savedTarget)}, the new version asks for {Describe(requestedTarget)}. Clone the audience to target something else.")
    {
        AudienceKey = audienceKey;
        SavedTarget = savedTarget;
        RequestedTarget = requestedTarget;
    }

    public string AudienceKey { get; }

    public AudienceTarget SavedTarget { get; }

    public AudienceTarget RequestedTarget { get; }

    private static string Describe(AudienceTarget target) =>
        target.Type == TargetType.Profile ? "target profiles" : $"target entity '{target.Entity}'";
}
