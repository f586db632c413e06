namespace LinkedAudiences.Core.Preview;

/// <summary>
/// What the builder's preview side sheet shows: the member count, a sample of members with their matched entities
/// (truncated to ten per level and six levels), and per entity the number of distinct matched entities.
/// </summary>
public sealed record AudiencePreview(
    bool IsEntityTarget,
    string? TargetEntity,
    long Count,
    IReadOnlyList<PreviewMember> Sample,
    IReadOnlyDictionary<string, long> EntityCounts,
    DateTimeOffset AsOf);

public sealed record PreviewMember(string Key, IReadOnlyList<MatchedEntityNode> Entities, int MoreEntities);
