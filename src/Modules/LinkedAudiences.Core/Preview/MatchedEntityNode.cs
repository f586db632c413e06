namespace LinkedAudiences.Core.Preview;

/// <summary>A matched entity with the matched entities below it; <see cref="MoreChildren"/> counts those left out by truncation.</summary>
public sealed record MatchedEntityNode(
    string Branch,
    string Entity,
    string Key,
    int Depth,
    IReadOnlyList<MatchedEntityNode> Children,
    int MoreChildren);
