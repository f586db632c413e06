namespace LinkedAudiences.Core.Validation;

/// <summary>Collects errors while a validator walks a document.</summary>
internal sealed class ValidationErrorList
{
    private readonly List<ValidationError> _errors = [];

    public int Count => _errors.Count;

    public void Add(string path, string rule, string message) => _errors.Add(new ValidationError(path, rule, message));

    public ValidationResult ToResult() => _errors.Count == 0 ? ValidationResult.Success : new ValidationResult(_errors.ToArray());
}
