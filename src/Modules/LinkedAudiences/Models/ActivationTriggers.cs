namespace LinkedAudiences.Models;

/// <summary>The seeds' activation events (Step 2b): membership changes, entity changes, freshness.</summary>
public static class ActivationTriggers
{
    public const string AudienceEntered = "audienceEntered";
    public const string AudienceExited = "audienceExited";

    /// <summary>Profile enters or exits (identify).</summary>
    public const string AudienceMembershipChanged = "audienceMembershipChanged";

    /// <summary>Profile enters or exits, or its enrichment values changed (identify, data freshness).</summary>
    public const string AudienceMembershipOrValuesChanged = "audienceMembershipOrValuesChanged";
    public const string EntityAdded = "entityAdded";
    public const string EntityRemoved = "entityRemoved";

    public static IReadOnlyList<string> All { get; } =
        [AudienceEntered, AudienceExited, AudienceMembershipChanged, AudienceMembershipOrValuesChanged, EntityAdded, EntityRemoved];

    /// <summary>The engine's trigger for a part's value; null when unknown.</summary>
    public static Core.Activations.ActivationTrigger? ToCore(string? trigger) => trigger switch
    {
        AudienceEntered => Core.Activations.ActivationTrigger.ProfileEntered,
        AudienceExited => Core.Activations.ActivationTrigger.ProfileExited,
        AudienceMembershipChanged => Core.Activations.ActivationTrigger.MembershipChanged,
        AudienceMembershipOrValuesChanged => Core.Activations.ActivationTrigger.MembershipOrValuesChanged,
        EntityAdded => Core.Activations.ActivationTrigger.EntityEntered,
        EntityRemoved => Core.Activations.ActivationTrigger.EntityExited,
        _ => null,
    };
}
