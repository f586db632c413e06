namespace LinkedAudiences.Core.Preview;

/// <summary>
/// One entity that qualified a member through a branch of the definition (docs/semantics.md, rule 11).
/// <see cref="ParentKey"/> is the member's key at depth 1, else the key of the matched row one level up.
/// </summary>
public sealed record MatchedEntityRow(string MemberKey, string Branch, int Depth, string Entity, string EntityKey, string ParentKey);
