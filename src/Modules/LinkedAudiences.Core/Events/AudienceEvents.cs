namespace LinkedAudiences.Core.Events;

/// <summary>
/// Builds the events of a run from its changes. Subjects: the member key for member events, the member and the
/// entity row for entity events (<see cref="MessageIds.EntitySubject"/>); with the kind and the membership version
/// they make the messageId, so the same change in a re-run gets the same id.
/// </summary>
public static class AudienceEvents
{
    public const string MembershipTrigger = "membership_changed";
    public const string ValuesTrigger = "values_changed";

    public static AudienceEvent Entered(AudienceEventContext context, string memberKey, string profileKey) =>
        Member(context, AudienceEventKind.ProfileEntered, EventPayloads.AudienceEntered, memberKey, profileKey);

    public static AudienceEvent Exited(AudienceEventContext context, string memberKey, string profileKey) =>
        Member(context, AudienceEventKind.ProfileExited, EventPayloads.AudienceExited, memberKey, profileKey);

    /// <summary>Identify-style: the profile's membership as the boolean trait named after the audience key.</summary>
    public static AudienceEvent MembershipChanged(AudienceEventContext context, string memberKey, string profileKey, bool isMember)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageId = MessageIds.For(context.AudienceKey, AudienceEventKind.MembershipChanged, memberKey, context.MembershipVersion);
        return Create(context, AudienceEventKind.MembershipChanged, messageId, profileKey, null, null, null,
            EventPayloads.Identify(context, profileKey, messageId, isMember, MembershipTrigger, null));
    }

    public static AudienceEvent EntityEntered(AudienceEventContext context, EntityChange change) =>
        Entity(context, AudienceEventKind.EntityEntered, EventPayloads.EntityEntered, change);

    public static AudienceEvent EntityExited(AudienceEventContext context, EntityChange change) =>
        Entity(context, AudienceEventKind.EntityExited, EventPayloads.EntityExited, change);

    /// <summary>Data freshness: a member that stayed but whose enrichment values changed; identify with the values.</summary>
    public static AudienceEvent ValuesChanged(AudienceEventContext context, string memberKey, string profileKey, EnrichmentValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageId = MessageIds.For(context.AudienceKey, AudienceEventKind.ValuesChanged, memberKey, context.MembershipVersion);
        var (entity, entityKey) = context.TargetEntity is { } target ? (target, memberKey) : ((string?)null, (string?)null);
        return Create(context, AudienceEventKind.ValuesChanged, messageId, profileKey, entity, entityKey, null,
            EventPayloads.Identify(context, profileKey, messageId, true, ValuesTrigger, values));
    }

    private static AudienceEvent Member(AudienceEventContext context, AudienceEventKind kind, string name, string memberKey, string profileKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageId = MessageIds.For(context.AudienceKey, kind, memberKey, context.MembershipVersion);
        List<NamedValue> properties = [];
        if (context.TargetEntity is { } target)
        {
            properties.Add(new("entity", target));
            properties.Add(new("entity_key", memberKey));
        }

        return Create(context, kind, messageId, profileKey, context.TargetEntity, context.TargetEntity is null ? null : memberKey, null,
            EventPayloads.Track(context, name, profileKey, messageId, properties));
    }

    private static AudienceEvent Entity(AudienceEventContext context, AudienceEventKind kind, string name, EntityChange change)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(change);
        var subject = MessageIds.EntitySubject(change.MemberKey, change.Branch, change.Entity, change.EntityKey);
        var messageId = MessageIds.For(context.AudienceKey, kind, subject, context.MembershipVersion);
        List<NamedValue> properties =
        [
            new("entity", change.Entity),
            new("entity_key", change.EntityKey),
            new("branch", change.Branch),
            new("parent_key", change.ParentKey),
        ];
        if (context.TargetEntity is not null)
        {
            properties.Add(new("member_key", change.MemberKey));
        }

        return Create(context, kind, messageId, change.ProfileKey, change.Entity, change.EntityKey, change.Branch,
            EventPayloads.Track(context, name, change.ProfileKey, messageId, properties));
    }

    private static AudienceEvent Create(
        AudienceEventContext context, AudienceEventKind kind, string messageId, string profileKey, string? entity, string? entityKey, string? branch, string payload) => new()
    {
        MessageId = messageId,
        Kind = kind,
        AudienceKey = context.AudienceKey,
        MembershipVersion = context.MembershipVersion,
        RunId = context.RunId,
        Timestamp = context.Timestamp,
        ProfileKey = profileKey,
        Entity = entity,
        EntityKey = entityKey,
        Branch = branch,
        Payload = payload,
    };
}

/// <summary>An entity row that entered or left a member's matched entities (through one branch).</summary>
public sealed record EntityChange(string MemberKey, string ProfileKey, string Branch, string Entity, string EntityKey, string? ParentKey);
