using System.Text.Json;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Validation;

/// <summary>
/// One comparison — a property filter or a trait condition: the operator for the type, exactly one of a constant or
/// a reference, a constant of the right JSON type, a reference of the same type that is in scope (SEMANTICS 3, 8).
/// </summary>
internal static class ComparisonRules
{
    /// <param name="path">The path of the object holding operator, value and ref.</param>
    /// <param name="subject">What is compared, for messages: "NUMBER column 'credit_card.balance'".</param>
    public static void Check(
        GraphIndex graph,
        ValidationErrorList errors,
        string path,
        ComparisonOperator? op,
        JsonElement? value,
        ValueReference? reference,
        DataType type,
        string subject,
        ReferenceScope scope)
    {
        var hasValue = value is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) };
        var hasRef = reference is not null;

        if (op is not { } comparison)
        {
            if (hasValue || hasRef)
            {
                errors.Add(path.Prop("operator"), ValidationRules.MissingValue,
                    $"The condition on {subject} has a {(hasRef ? "reference" : "value")} but no operator; choose an operator, or remove the {(hasRef ? "reference" : "value")} to test that it is present.");
            }

            return;
        }

        if (!OperatorRules.IsAllowed(type, comparison))
        {
            errors.Add(path.Prop("operator"), ValidationRules.OperatorNotAllowed,
                $"Operator '{JsonNames.Of(comparison)}' is not allowed for {subject}; allowed: {JsonNames.List(OperatorRules.ForConstant(type))}.");
        }

        if (hasValue && hasRef)
        {
            errors.Add(path, ValidationRules.ValueAndRef,
                $"The comparison on {subject} has both a constant ('value') and a reference ('ref'); keep only one.");
        }
        else if (!hasValue && !hasRef)
        {
            errors.Add(path.Prop("value"), ValidationRules.MissingValue,
                $"The comparison on {subject} needs a constant ('value') or a reference ('ref').");
        }
        else if (hasValue)
        {
            if (!TypedValue.TryConvert(type, value!.Value, out _))
            {
                errors.Add(path.Prop("value"), ValidationRules.ValueTypeMismatch,
                    $"The value {Excerpt(value.Value)} for {subject} must be {TypedValue.Describe(type)}.");
            }
        }
        else
        {
            CheckReference(graph, errors, path.Prop("ref"), reference!, type, subject, scope);
        }
    }

    private static void CheckReference(GraphIndex graph, ValidationErrorList errors, string path, ValueReference reference, DataType type, string subject, ReferenceScope scope)
    {
        var hasTrait = !string.IsNullOrEmpty(reference.Trait);
        var hasEntity = !string.IsNullOrEmpty(reference.Entity);
        var hasColumn = !string.IsNullOrEmpty(reference.Column);
        if (hasTrait ? hasEntity || hasColumn : !(hasEntity && hasColumn))
        {
            errors.Add(path, ValidationRules.InvalidReference,
                "A reference names either a profile trait ({\"trait\": ...}) or an entity column ({\"entity\": ..., \"column\": ...}).");
            return;
        }

        DataType referencedType;
        string referenced;
        if (hasTrait)
        {
            if (graph.Trait(reference.Trait) is not { } trait)
            {
                errors.Add(path.Prop("trait"), ValidationRules.UnknownTrait, $"The referenced trait '{reference.Trait}' does not exist in the data graph.");
                return;
            }

            referencedType = trait.Type;
            referenced = $"{JsonNames.Of(trait.Type)} trait '{trait.Name}'";
        }
        else
        {
            if (!scope.AllowsEntities)
            {
                errors.Add(path.Prop("entity"), ValidationRules.ReferenceOutOfScope,
                    $"Entity columns cannot be referenced in {scope.NoEntitiesReason}; reference a profile trait or use a constant.");
                return;
            }

            var entity = scope.Branch.FirstOrDefault(e => string.Equals(e.Name, reference.Entity, StringComparison.Ordinal));
            if (entity is null)
            {
                errors.Add(path.Prop("entity"), graph.Entity(reference.Entity) is null ? ValidationRules.UnknownEntity : ValidationRules.ReferenceOutOfScope,
                    graph.Entity(reference.Entity) is null
                        ? $"The referenced entity '{reference.Entity}' does not exist in the data graph."
                        : $"Entity '{reference.Entity}' is not in this branch at the same level or above; references can read {Names(scope.Branch)}.");
                return;
            }

            if (GraphIndex.Column(entity, reference.Column) is not { } column)
            {
                errors.Add(path.Prop("column"), ValidationRules.UnknownColumn, $"The referenced column '{reference.Column}' does not exist in entity '{entity.Name}'.");
                return;
            }

            referencedType = column.Type;
            referenced = $"{JsonNames.Of(column.Type)} column '{entity.Name}.{column.Name}'";
        }

        if (!OperatorRules.AllowsReferences(type))
        {
            errors.Add(path, ValidationRules.ReferenceOperatorNotAllowed,
                $"{Capitalize(subject)} cannot be compared with a reference: {JsonNames.Of(type)} values compare only with the constants true or false.");
        }
        else if (referencedType != type)
        {
            errors.Add(path, ValidationRules.ReferenceTypeMismatch,
                $"The reference to {referenced} cannot be compared with {subject}; references must have the same data type.");
        }
    }

    private static string Names(IReadOnlyList<EntityDefinition> branch) =>
        branch.Count == 0 ? "no entity here" : string.Join(", ", branch.Select(e => $"'{e.Name}'"));

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    internal static string Excerpt(JsonElement element)
    {
        var raw = element.GetRawText();
        return raw.Length <= 60 ? raw : raw[..57] + "...";
    }
}
