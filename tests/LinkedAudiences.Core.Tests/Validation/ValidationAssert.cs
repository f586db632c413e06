using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Tests.Validation;

internal static class ValidationAssert
{
    /// <summary>The result holds exactly this one error.</summary>
    public static void Single(ValidationResult result, string path, string rule, string message)
    {
        // Comparing whole lists shows every reported error when the expectation fails.
        Assert.Equal([new ValidationError(path, rule, message)], result.Errors);
    }

    public static void Valid(ValidationResult result) => Assert.True(result.IsValid, result.ToString());
}
