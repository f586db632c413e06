using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Engine;

/// <summary>Thrown when an invalid definition is asked to compile or run; <see cref="Result"/> holds every error with its path.</summary>
public sealed class AudienceValidationException(ValidationResult result)
    : Exception("The audience definition is invalid:" + Environment.NewLine + result)
{
    public ValidationResult Result { get; } = result;
}
