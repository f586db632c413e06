namespace LinkedAudiences.Core.Validation;

/// <summary>Every error found (validators report all of them, not just the first).</summary>
public sealed class ValidationResult
{
    public static ValidationResult Success { get; } = new([]);

    public ValidationResult(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
    }

    public IReadOnlyList<ValidationError> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>The errors of both results, this one's first.</summary>
    public ValidationResult Concat(ValidationResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.IsValid ? this : IsValid ? other : new([.. Errors, .. other.Errors]);
    }

    public override string ToString() => IsValid ? "valid" : string.Join(Environment.NewLine, Errors);
}
