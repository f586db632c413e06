using Microsoft.Extensions.Localization;
using OrchardCore.Workflows.Abstractions.Models;
using OrchardCore.Workflows.Activities;
using OrchardCore.Workflows.Models;

namespace LinkedAudiences.Workflows.Activities;

/// <summary>
/// An event the workflow bridge fires for one outbox event (or one finished run) of an audience. The editor picks the
/// audience (empty listens to every audience); the event's values are the workflow's Input (see
/// <see cref="Bridge.AudienceEventInput"/>) and are copied under <see cref="PropertyName"/> into its Properties, so
/// later activities still read them after the input of a resumed workflow changed.
/// </summary>
public abstract class AudienceEventActivity(IStringLocalizer localizer) : EventActivity
{
    /// <summary>The workflow property holding the event's values.</summary>
    public const string PropertyName = "LinkedAudienceEvent";

    protected IStringLocalizer S { get; } = localizer;

    public override string Name => GetType().Name;

    public override LocalizedString Category => S["Linked Audiences"];

    /// <summary>The audience key listened to; empty for every audience.</summary>
    public string AudienceKey
    {
        get => GetProperty(() => string.Empty);
        set => SetProperty(value);
    }

    public override IEnumerable<Outcome> GetPossibleOutcomes(WorkflowExecutionContext workflowContext, ActivityContext activityContext) =>
        Outcomes(S["Done"]);

    public override Task<bool> CanExecuteAsync(WorkflowExecutionContext workflowContext, ActivityContext activityContext) =>
        Task.FromResult(Matches(workflowContext.Input));

    public override ActivityExecutionResult Resume(WorkflowExecutionContext workflowContext, ActivityContext activityContext)
    {
        workflowContext.Properties[PropertyName] = new Dictionary<string, object>(workflowContext.Input, StringComparer.Ordinal);
        return Outcomes("Done");
    }

    /// <summary>Whether the input is an event this activity listens to (its audience, and whatever a subclass adds).</summary>
    protected virtual bool Matches(IDictionary<string, object> input) =>
        string.IsNullOrEmpty(AudienceKey)
        || (input.TryGetValue(Bridge.AudienceEventInput.AudienceKey, out var key) && string.Equals(key as string, AudienceKey, StringComparison.Ordinal));
}

/// <summary>An entity event: also filtered by the entity (one of the audience definition's), empty for any.</summary>
public abstract class AudienceEntityEventActivity(IStringLocalizer localizer) : AudienceEventActivity(localizer)
{
    public string Entity
    {
        get => GetProperty(() => string.Empty);
        set => SetProperty(value);
    }

    protected override bool Matches(IDictionary<string, object> input) =>
        base.Matches(input)
        && (string.IsNullOrEmpty(Entity)
            || (input.TryGetValue(Bridge.AudienceEventInput.Entity, out var entity) && string.Equals(entity as string, Entity, StringComparison.Ordinal)));
}
