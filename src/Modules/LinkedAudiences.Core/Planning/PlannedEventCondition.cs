using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Planning;

/// <summary>Events of one name in the profile's history, filtered by properties and a window, counted.</summary>
public sealed record PlannedEventCondition : PlannedCondition
{
    public required EventCondition Source { get; init; }

    public required EventSource Events { get; init; }

    public required string EventName { get; init; }

    public PlannedFilterGroup? Where { get; init; }

    public EventWindow? Window { get; init; }

    public CountFilter? Count { get; init; }
}
