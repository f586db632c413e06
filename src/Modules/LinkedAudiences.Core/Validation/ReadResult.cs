using System.Diagnostics.CodeAnalysis;

namespace LinkedAudiences.Core.Validation;

/// <summary>The outcome of reading a JSON document: the value, or the errors that prevented reading it.</summary>
public sealed class ReadResult<T>
    where T : class
{
    internal ReadResult(T? value, ValidationResult validation)
    {
        Value = value;
        Validation = validation;
    }

    /// <summary>The parsed value; null when <see cref="IsValid"/> is false.</summary>
    public T? Value { get; }

    public ValidationResult Validation { get; }

    public IReadOnlyList<ValidationError> Errors => Validation.Errors;

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;
}
