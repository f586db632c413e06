using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Validation;

/// <summary>
/// Which comparison operators each data type allows (SEMANTICS rule 3, the seeds' table): the validator, the
/// compiler and the builder read the same lists. Strings have no ordering comparisons; booleans compare only
/// with constants.
/// </summary>
public static class OperatorRules
{
    /// <summary>NUMBER, DATE, TIME, TIMESTAMP (and aggregates).</summary>
    public static IReadOnlyList<ComparisonOperator> Ordered { get; } =
    [
        ComparisonOperator.Equals,
        ComparisonOperator.NotEquals,
        ComparisonOperator.LessThan,
        ComparisonOperator.GreaterThan,
        ComparisonOperator.LessThanOrEqual,
        ComparisonOperator.GreaterThanOrEqual,
    ];

    /// <summary>STRING: case-sensitive, ordinal.</summary>
    public static IReadOnlyList<ComparisonOperator> Text { get; } =
    [
        ComparisonOperator.Equals,
        ComparisonOperator.NotEquals,
        ComparisonOperator.Contains,
        ComparisonOperator.NotContains,
        ComparisonOperator.StartsWith,
        ComparisonOperator.EndsWith,
    ];

    /// <summary>BOOLEAN, constants only.</summary>
    public static IReadOnlyList<ComparisonOperator> Boolean { get; } = [ComparisonOperator.Equals, ComparisonOperator.NotEquals];

    /// <summary>Operators an aggregate (count, sum, avg, min, max — always a number) can be compared with.</summary>
    public static IReadOnlyList<ComparisonOperator> Aggregate => Ordered;

    /// <summary>Operators allowed when comparing a value of <paramref name="type"/> with a constant.</summary>
    public static IReadOnlyList<ComparisonOperator> ForConstant(DataType type) => type switch
    {
        DataType.String => Text,
        DataType.Boolean => Boolean,
        _ => Ordered,
    };

    /// <summary>Operators allowed with a dynamic reference; empty for BOOLEAN, which takes no references.</summary>
    public static IReadOnlyList<ComparisonOperator> ForReference(DataType type) => type == DataType.Boolean ? [] : ForConstant(type);

    public static bool AllowsReferences(DataType type) => type != DataType.Boolean;

    public static bool IsAllowed(DataType type, ComparisonOperator op, bool isReference = false) =>
        (isReference ? ForReference(type) : ForConstant(type)).Contains(op);
}
