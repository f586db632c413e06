namespace LinkedAudiences.Testing.Oracle;

/// <summary>
/// One row of the matched-entities result (briefing rule 11): an entity row that qualified <paramref name="MemberKey"/>
/// on branch <paramref name="Branch"/> ("group.condition[.nested...]", e.g. "0.1.0") at <paramref name="Depth"/>
/// (1 = directly under the profile), with the key of the row it hangs under.
/// </summary>
public sealed record MatchedEntity(string MemberKey, string Branch, int Depth, string Entity, string EntityKey, string ParentKey);
