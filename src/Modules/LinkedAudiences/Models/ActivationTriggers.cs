namespace LinkedAudiences.Models;

/// <summary>The seeds' activation events (Step 2b): membership changes and entity changes.</summary>
public static class ActivationTriggers
{
    public const string AudienceEntered = "audienceEntered";
    public const string AudienceExited = "audienceExited";
    public const string AudienceMembershipChanged = "audienceMembershipChanged";
    public const string EntityAdded = "entityAdded";
    public const string EntityRemoved = "entityRemoved";

    public static IReadOnlyList<string> All { get; } = [AudienceEntered, AudienceExited, AudienceMembershipChanged, EntityAdded, EntityRemoved];
}
