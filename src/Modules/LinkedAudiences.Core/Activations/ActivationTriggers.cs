using LinkedAudiences.Core.Events;

namespace LinkedAudiences.Core.Activations;

/// <summary>What each trigger takes from the outbox and what it sends.</summary>
public static class ActivationTriggers
{
    public const string Track = "track";
    public const string Identify = "identify";

    /// <summary>The event kinds a trigger sends; every other kind of the audience is filtered.</summary>
    public static IReadOnlyList<AudienceEventKind> EventKinds(ActivationTrigger trigger) => trigger switch
    {
        ActivationTrigger.ProfileEntered => [AudienceEventKind.ProfileEntered],
        ActivationTrigger.ProfileExited => [AudienceEventKind.ProfileExited],
        ActivationTrigger.EntityEntered => [AudienceEventKind.EntityEntered],
        ActivationTrigger.EntityExited => [AudienceEventKind.EntityExited],
        ActivationTrigger.MembershipChanged => [AudienceEventKind.MembershipChanged],
        ActivationTrigger.MembershipOrValuesChanged => [AudienceEventKind.MembershipChanged, AudienceEventKind.ValuesChanged],
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };

    public static string EventType(ActivationTrigger trigger) =>
        trigger is ActivationTrigger.MembershipChanged or ActivationTrigger.MembershipOrValuesChanged ? Identify : Track;

    public static bool IsEntityTrigger(ActivationTrigger trigger) =>
        trigger is ActivationTrigger.EntityEntered or ActivationTrigger.EntityExited;

    /// <summary>Seeds: "send events for current profiles and entities" exists for entered, entity entered and membership changed.</summary>
    public static bool AllowsSendExisting(ActivationTrigger trigger) =>
        trigger is ActivationTrigger.ProfileEntered or ActivationTrigger.EntityEntered or ActivationTrigger.MembershipChanged;

    /// <summary>
    /// Why <paramref name="activation"/> does not send <paramref name="audienceEvent"/>; null when it does. The reason
    /// is what the delivery overview shows under "filtered".
    /// </summary>
    public static string? FilterReason(Activation activation, AudienceEvent audienceEvent)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(audienceEvent);
        if (!EventKinds(activation.Trigger).Contains(audienceEvent.Kind))
        {
            return $"The trigger {activation.Trigger} does not send {audienceEvent.Kind} events.";
        }

        if (IsEntityTrigger(activation.Trigger) && !string.Equals(audienceEvent.Entity, activation.TriggerEntity, StringComparison.Ordinal))
        {
            return $"The event is about entity '{audienceEvent.Entity}', the trigger entity is '{activation.TriggerEntity}'.";
        }

        return null;
    }
}
