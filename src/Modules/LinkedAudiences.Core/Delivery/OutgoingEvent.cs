using LinkedAudiences.Core.Events;

namespace LinkedAudiences.Core.Delivery;

/// <summary>
/// One event as a destination sends it: <see cref="Json"/> is the rendered body (a JSON object, the mapping's output
/// or the enriched payload) and always carries <see cref="MessageId"/> as "messageId", so receivers can deduplicate.
/// </summary>
public sealed record OutgoingEvent(
    string MessageId,
    AudienceEventKind Kind,
    string AudienceKey,
    string Type,
    string UserId,
    DateTimeOffset Timestamp,
    string Json);
