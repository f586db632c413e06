namespace LinkedAudiences.Core.Definitions;

/// <summary>With / without an event in the profile's history, with property filters, a count and a window.</summary>
public sealed record EventCondition : Condition
{
    public required string Event { get; init; }

    /// <summary>Filters on event properties ("amount") or context keys ("context.locale").</summary>
    public PropertyFilterGroup? Where { get; init; }

    public EventWindow? Window { get; init; }

    public CountFilter? Count { get; init; }
}
