namespace LinkedAudiences.Core.Events;

/// <summary>What every event of one run shares: the audience, the membership version, the run and the event time.</summary>
/// <param name="TargetEntity">The target entity's name for entity-target audiences (members are its rows); null for profiles.</param>
public sealed record AudienceEventContext(string AudienceKey, long MembershipVersion, string RunId, DateTimeOffset Timestamp, string? TargetEntity = null);
