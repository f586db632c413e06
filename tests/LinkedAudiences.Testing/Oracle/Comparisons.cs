using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Testing.Oracle;

/// <summary>The comparison of a value with a constant or a referenced value (briefing rules 2-3).</summary>
internal static class Comparisons
{
    public static bool Compare(DataType type, object? left, ComparisonOperator op, object? right)
    {
        // Rule 2 / SEMANTICS 5: a null or missing side fails every comparison, notEquals and notContains included.
        if (left is null || right is null)
        {
            return false;
        }

        return type switch
        {
            DataType.String => CompareStrings((string)left, op, (string)right),
            DataType.Boolean => CompareBooleans((bool)left, op, (bool)right),
            _ => CompareOrdered(type, (IComparable)left, op, right),
        };
    }

    /// <summary>The operators rule 3 allows for a type; anything else makes the definition invalid.</summary>
    public static bool IsAllowed(DataType type, ComparisonOperator op) => type switch
    {
        DataType.String => op is ComparisonOperator.Equals or ComparisonOperator.NotEquals or ComparisonOperator.Contains
            or ComparisonOperator.NotContains or ComparisonOperator.StartsWith or ComparisonOperator.EndsWith,
        DataType.Boolean => op is ComparisonOperator.Equals or ComparisonOperator.NotEquals,
        _ => op is ComparisonOperator.Equals or ComparisonOperator.NotEquals or ComparisonOperator.LessThan
            or ComparisonOperator.GreaterThan or ComparisonOperator.LessThanOrEqual or ComparisonOperator.GreaterThanOrEqual,
    };

    // SEMANTICS 10: strings are case-sensitive, so every string operator is ordinal.
    private static bool CompareStrings(string left, ComparisonOperator op, string right) => op switch
    {
        ComparisonOperator.Equals => string.Equals(left, right, StringComparison.Ordinal),
        ComparisonOperator.NotEquals => !string.Equals(left, right, StringComparison.Ordinal),
        ComparisonOperator.Contains => left.Contains(right, StringComparison.Ordinal),
        ComparisonOperator.NotContains => !left.Contains(right, StringComparison.Ordinal),
        ComparisonOperator.StartsWith => left.StartsWith(right, StringComparison.Ordinal),
        ComparisonOperator.EndsWith => left.EndsWith(right, StringComparison.Ordinal),
        _ => throw NotAllowed(DataType.String, op),
    };

    private static bool CompareBooleans(bool left, ComparisonOperator op, bool right) => op switch
    {
        ComparisonOperator.Equals => left == right,
        ComparisonOperator.NotEquals => left != right,
        _ => throw NotAllowed(DataType.Boolean, op),
    };

    private static bool CompareOrdered(DataType type, IComparable left, ComparisonOperator op, object right)
    {
        var c = left.CompareTo(right);
        return op switch
        {
            ComparisonOperator.Equals => c == 0,
            ComparisonOperator.NotEquals => c != 0,
            ComparisonOperator.LessThan => c < 0,
            ComparisonOperator.GreaterThan => c > 0,
            ComparisonOperator.LessThanOrEqual => c <= 0,
            ComparisonOperator.GreaterThanOrEqual => c >= 0,
            _ => throw NotAllowed(type, op),
        };
    }

    private static InvalidOperationException NotAllowed(DataType type, ComparisonOperator op) =>
        new($"The operator {op} is not allowed on {type.ToString().ToUpperInvariant()} values.");
}
