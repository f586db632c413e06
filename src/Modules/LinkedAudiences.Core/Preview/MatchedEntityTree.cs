namespace LinkedAudiences.Core.Preview;

/// <summary>
/// Turns matched-entity rows into the preview's tree, truncated as the product documents say:
/// ten entities per level, six levels of depth (counting the profile, so five entity levels).
/// </summary>
public static class MatchedEntityTree
{
    public const int EntitiesPerLevel = 10;

    public const int MaxDepth = 6;

    public static (IReadOnlyList<MatchedEntityNode> Roots, int MoreRoots) Build(
        IEnumerable<MatchedEntityRow> rowsOfOneMember,
        int entitiesPerLevel = EntitiesPerLevel,
        int maxDepth = MaxDepth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(entitiesPerLevel);
        var rows = rowsOfOneMember.ToList();

        // A branch's children are the rows of its sub-branches ("0.1" → "0.1.0") whose parent is this row.
        var byParent = rows.ToLookup(r => (ParentBranch(r.Branch), r.ParentKey));
        if (rows.Count == 0)
        {
            return ([], 0);
        }

        // Profile targets start at depth 1; entity targets start one level below the target entity.
        var top = rows.Min(r => r.Depth);
        var roots = rows.Where(r => r.Depth == top).ToList();
        return Level(roots, byParent, entitiesPerLevel, maxDepth - 1);
    }

    private static (IReadOnlyList<MatchedEntityNode>, int) Level(
        List<MatchedEntityRow> rows,
        ILookup<(string?, string), MatchedEntityRow> byParent,
        int perLevel,
        int levelsLeft)
    {
        if (levelsLeft <= 0)
        {
            return ([], rows.Count);
        }

        var ordered = rows
            .DistinctBy(r => (r.Branch, r.EntityKey))
            .OrderBy(r => r.Branch, StringComparer.Ordinal)
            .ThenBy(r => r.EntityKey.Length)
            .ThenBy(r => r.EntityKey, StringComparer.Ordinal)
            .ToList();

        var nodes = ordered.Take(perLevel).Select(r =>
        {
            var (children, more) = Level(byParent[(r.Branch, r.EntityKey)].ToList(), byParent, perLevel, levelsLeft - 1);
            return new MatchedEntityNode(r.Branch, r.Entity, r.EntityKey, r.Depth, children, more);
        }).ToList();

        return (nodes, Math.Max(0, ordered.Count - perLevel));
    }

    private static string? ParentBranch(string branch)
    {
        var i = branch.LastIndexOf('.');
        return i < 0 ? null : branch[..i];
    }
}
