using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Core.Planning;

/// <summary>Filters of one entity row or one event, combined with AND/OR.</summary>
public sealed record PlannedFilterGroup(LogicalOperator Operator, IReadOnlyList<PlannedFilter> Filters);

/// <summary><see cref="Left"/> (a column or event property) compared with <see cref="Right"/>; both have the same type.</summary>
public sealed record PlannedFilter(PlannedOperand Left, ComparisonOperator Operator, PlannedOperand Right);
