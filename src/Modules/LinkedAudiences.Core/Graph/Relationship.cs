namespace LinkedAudiences.Core.Graph;

/// <summary>
/// A link from the profile (<see cref="DataGraph.ProfileNode"/>) or an entity to an entity.
/// Either a direct <see cref="Join"/> (from.FromColumn = to.ToColumn) or a <see cref="Junction"/> table.
/// </summary>
public sealed record Relationship
{
    public required string Name { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public JoinColumns? Join { get; init; }

    public JunctionTable? Junction { get; init; }
}

/// <summary>from.FromColumn = to.ToColumn.</summary>
public sealed record JoinColumns
{
    public required string FromColumn { get; init; }

    public required string ToColumn { get; init; }
}

/// <summary>
/// from.FromKey = junction.FromColumn AND junction.ToColumn = to.ToKey. The keys default to the
/// profile id column and the entities' primary keys.
/// </summary>
public sealed record JunctionTable
{
    public string? Schema { get; init; }

    public required string Table { get; init; }

    public required string FromColumn { get; init; }

    public required string ToColumn { get; init; }

    public string? FromKey { get; init; }

    public string? ToKey { get; init; }
}
