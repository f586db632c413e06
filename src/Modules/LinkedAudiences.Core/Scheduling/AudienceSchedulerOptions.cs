namespace LinkedAudiences.Core.Scheduling;

public sealed class AudienceSchedulerOptions
{
    /// <summary>How many audiences one tick runs at the same time. Default 4.</summary>
    public int MaxConcurrentRuns { get; init; } = 4;
}
