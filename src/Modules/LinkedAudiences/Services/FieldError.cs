using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Services;

/// <summary>A publish problem attached to one editor field (a property of the part, e.g. "Definition").</summary>
public sealed record FieldError(string Field, string Message)
{
    /// <summary>An engine error on a JSON field: its path, message and rule, so the editor can point into the document.</summary>
    public static FieldError FromValidation(string field, ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(field, $"{error.Path}: {error.Message} [{error.Rule}]");
    }
}
