using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Planning;

/// <summary>A typed value a filter reads: a constant, a profile trait, a column of a row of the branch, or an event property.</summary>
public abstract record PlannedOperand(DataType Type);

/// <summary>A constant of the definition as a CLR value of its type (see <c>TypedValue</c>); always bound as a parameter.</summary>
public sealed record ConstantOperand(DataType ValueType, object? Value) : PlannedOperand(ValueType);

public sealed record TraitOperand(TraitDefinition Trait) : PlannedOperand(Trait.Type);

/// <summary>A column of the row of <see cref="Scope"/> (this condition's row or an ancestor's).</summary>
public sealed record EntityColumnOperand(EntityScope Scope, ColumnDefinition Column) : PlannedOperand(Column.Type);

/// <summary>An event property, or a context key when <see cref="IsContext"/>.</summary>
public sealed record EventPropertyOperand(EventPropertyDefinition Property, bool IsContext) : PlannedOperand(Property.Type);
