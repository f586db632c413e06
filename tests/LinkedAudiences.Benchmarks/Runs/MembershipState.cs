namespace LinkedAudiences.Benchmarks.Runs;

/// <summary>One matched entity row of a member, the unit of entity entered/exited (the parent is carried along, not compared).</summary>
internal readonly record struct EntityRow(string Member, string Branch, string Entity, string Key);

/// <summary>Ordinal order of entity rows: member, branch, entity, key (the order the in-warehouse diff emits them in).</summary>
internal sealed class EntityRowOrder : IComparer<EntityRow>
{
    public static readonly EntityRowOrder Instance = new();

    public int Compare(EntityRow x, EntityRow y)
    {
        var c = string.CompareOrdinal(x.Member, y.Member);
        c = c != 0 ? c : string.CompareOrdinal(x.Branch, y.Branch);
        c = c != 0 ? c : string.CompareOrdinal(x.Entity, y.Entity);
        return c != 0 ? c : string.CompareOrdinal(x.Key, y.Key);
    }
}

/// <summary>
/// A whole membership held by the app: each member's enrichment hash, and every matched entity row with its parent.
/// What the full-pull baseline keeps between runs (in SQLite) and diffs in memory.
/// </summary>
internal sealed class MembershipState
{
    public Dictionary<string, byte[]> Members { get; } = new(StringComparer.Ordinal);

    public Dictionary<EntityRow, string?> Entities { get; } = [];
}
