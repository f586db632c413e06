using System.Text.Json;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Testing.Oracle;

/// <summary>The right-hand side of comparisons: constants and dynamic references (briefing rule 5, SEMANTICS 8).</summary>
public sealed partial class ReferenceEvaluator
{
    /// <summary>The right-hand side of a comparison: exactly one of a constant or a reference.</summary>
    private object? RightSide(JsonElement? value, ValueReference? reference, DataType type, Scope scope, bool allowEntityColumns, string where)
    {
        if (value is not null && reference is not null)
        {
            throw new InvalidOperationException($"{where} has both a value and a reference.");
        }

        return reference is not null
            ? ReferencedValue(reference, type, scope, allowEntityColumns)
            : TypedValues.FromConstant(type, value, where);
    }

    /// <summary>
    /// Rule 5 / SEMANTICS 8. {trait} → the profile's trait; {entity, column} → that column of the nearest row of the entity in the
    /// branch chain (self first, then parent...). Types must match; BOOLEAN takes constants only (rule 3).
    /// A null referenced value makes the comparison FALSE (handled by <see cref="Comparisons.Compare"/>).
    /// </summary>
    private object? ReferencedValue(ValueReference reference, DataType expected, Scope scope, bool allowEntityColumns)
    {
        if (expected == DataType.Boolean)
        {
            throw new InvalidOperationException("BOOLEAN comparisons take constants only, not references.");
        }

        if (reference.Trait is not null && (reference.Entity is not null || reference.Column is not null))
        {
            throw new InvalidOperationException("A reference names both a trait and an entity column.");
        }

        if (reference.Trait is { } traitName)
        {
            var trait = FindTrait(traitName);
            RequireSameType(expected, trait.Type, $"trait {traitName}");
            return scope.Profile.Trait(trait);
        }

        if (allowEntityColumns && reference is { Entity: { } entityName, Column: { } columnName })
        {
            var row = scope.Nearest(entityName)
                ?? throw new InvalidOperationException($"The reference to {entityName}.{columnName} is not in this branch (same level or above).");
            var column = row.Column(columnName);
            RequireSameType(expected, column.Type, $"{entityName}.{columnName}");
            return row.Value(column);
        }

        throw new InvalidOperationException(allowEntityColumns
            ? "A reference names neither a trait nor an entity column."
            : "Only profile traits can be referenced here.");
    }

    private static void RequireSameType(DataType expected, DataType actual, string what)
    {
        if (expected != actual)
        {
            throw new InvalidOperationException($"A {expected} value cannot reference {what}, which is {actual}.");
        }
    }
}
