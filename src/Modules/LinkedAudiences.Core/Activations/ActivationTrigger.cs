namespace LinkedAudiences.Core.Activations;

/// <summary>The seeds' triggers: which changes of the audience produce events for an activation.</summary>
public enum ActivationTrigger
{
    ProfileEntered,
    ProfileExited,
    EntityEntered,
    EntityExited,

    /// <summary>Profile enters or exits (identify).</summary>
    MembershipChanged,

    /// <summary>Profile enters or exits, or its enrichment values changed between runs (identify, data freshness).</summary>
    MembershipOrValuesChanged,
}
