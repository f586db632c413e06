namespace LinkedAudiences.Core.Planning;

/// <summary>
/// A resolved condition. <see cref="BranchId"/> locates it: "g.c" for condition c of group g, then ".n" per
/// nesting level ("0.1.0"); matched-entity rows carry it.
/// </summary>
public abstract record PlannedCondition
{
    public required string BranchId { get; init; }

    public bool Negate { get; init; }
}
