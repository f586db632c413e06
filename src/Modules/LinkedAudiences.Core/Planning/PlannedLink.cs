namespace LinkedAudiences.Core.Planning;

/// <summary>
/// A relationship with its defaults applied. Direct: child.ChildColumn = parent.ParentColumn. Junction: a row j of
/// the junction table with j.FromColumn = parent.ParentColumn and j.ToColumn = child.ChildColumn.
/// </summary>
public sealed record PlannedLink
{
    /// <summary>The parent's column: the join's fromColumn, or the junction's fromKey (default: the parent's key).</summary>
    public required string ParentColumn { get; init; }

    /// <summary>The child's column: the join's toColumn, or the junction's toKey (default: the child's primary key).</summary>
    public required string ChildColumn { get; init; }

    public PlannedJunction? Junction { get; init; }
}

public sealed record PlannedJunction(string? Schema, string Table, string FromColumn, string ToColumn);
