using LinkedAudiences.Models;
using Microsoft.Extensions.Localization;

namespace LinkedAudiences.Services;

/// <summary>The rules graph and audience keys share: present, well formed, unique, unchanged after the first publish.</summary>
internal static class KeyChecks
{
    public static async Task CheckAsync(
        List<FieldError> errors, string? key, string? publishedKey, string kind, Func<string, Task<bool>> isTaken, IStringLocalizer S)
    {
        const string field = "Key";
        if (!KeyRules.IsValid(key))
        {
            errors.Add(new(field, S["The key is required: lower-case letters, digits, '-' and '_', starting with a letter or digit, at most {0} characters.", KeyRules.MaxLength]));
            return;
        }

        if (publishedKey is not null && !string.Equals(publishedKey, key, StringComparison.Ordinal))
        {
            errors.Add(new(field, S["The key cannot change after the first publish (it is '{0}'): other items refer to it.", publishedKey]));
            return;
        }

        if (await isTaken(key!))
        {
            errors.Add(new(field, S["Another {0} already uses the key '{1}'.", kind, key!]));
        }
    }
}
