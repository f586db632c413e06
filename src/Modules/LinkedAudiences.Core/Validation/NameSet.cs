namespace LinkedAudiences.Core.Validation;

/// <summary>Reports empty and repeated names of one list (entities, traits, columns...).</summary>
internal sealed class NameSet(ValidationErrorList errors, string what, string? scope = null)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly string _in = scope is null ? string.Empty : " in " + scope;

    /// <summary>True when the name is usable (non-empty); a duplicate is reported but still usable.</summary>
    public bool Add(string? name, string path)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(path, ValidationRules.EmptyName, $"The {what} name cannot be empty{_in}.");
            return false;
        }

        if (!_seen.Add(name))
        {
            errors.Add(path, ValidationRules.DuplicateName, $"The {what} name '{name}' is used more than once{_in}; {what} names must be unique.");
        }

        return true;
    }
}
