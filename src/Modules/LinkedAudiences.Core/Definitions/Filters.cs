using System.Text.Json;

namespace LinkedAudiences.Core.Definitions;

public enum ComparisonOperator
{
    Equals,
    NotEquals,
    LessThan,
    GreaterThan,
    LessThanOrEqual,
    GreaterThanOrEqual,
    Contains,
    NotContains,
    StartsWith,
    EndsWith,
}

/// <summary>Filters on the properties of one entity (or one event) combined with AND/OR.</summary>
public sealed record PropertyFilterGroup
{
    public LogicalOperator Operator { get; init; } = LogicalOperator.And;

    public IReadOnlyList<PropertyFilter> Filters { get; init; } = [];
}

/// <summary>Property (column, event property or "context.KEY") compared with a constant <see cref="Value"/> or a <see cref="Ref"/>.</summary>
public sealed record PropertyFilter
{
    public required string Property { get; init; }

    public required ComparisonOperator Operator { get; init; }

    public JsonElement? Value { get; init; }

    public ValueReference? Ref { get; init; }
}

/// <summary>
/// A dynamic reference: a profile trait ({"trait": "x"}) or a column of an entity of the same branch at the
/// same level or above ({"entity": "account", "column": "credit_limit"}; the nearest such entity is meant).
/// </summary>
public sealed record ValueReference
{
    public string? Trait { get; init; }

    public string? Entity { get; init; }

    public string? Column { get; init; }
}

public enum CountOperator
{
    AtLeast,
    Exactly,
    AtMost,
}

public sealed record CountFilter
{
    public CountOperator Operator { get; init; } = CountOperator.AtLeast;

    public int Value { get; init; } = 1;
}

public enum AggregateFunction
{
    Count,
    Sum,
    Avg,
    Min,
    Max,
}

/// <summary>An aggregate over the qualifying related rows of one parent row, compared with a number.</summary>
public sealed record AggregateFilter
{
    public AggregateFunction Function { get; init; } = AggregateFunction.Count;

    /// <summary>A NUMBER column; not used by count.</summary>
    public string? Column { get; init; }

    public required ComparisonOperator Operator { get; init; }

    public required decimal Value { get; init; }
}

/// <summary>Within the last N days of the as-of time, on an entity's DATE or TIMESTAMP column.</summary>
public sealed record RelativeWindow
{
    public required string Column { get; init; }

    public required int WithinLastDays { get; init; }
}

/// <summary>Either within the last N days, or between two dates (both included as whole days).</summary>
public sealed record EventWindow
{
    public int? WithinLastDays { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }
}
