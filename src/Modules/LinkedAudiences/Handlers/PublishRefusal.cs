using LinkedAudiences.Services;
using OrchardCore.ContentManagement.Handlers;
using OrchardCore.DisplayManagement.ModelBinding;

namespace LinkedAudiences.Handlers;

/// <summary>Puts publish errors where the editor shows them: on the part's fields (ModelState keys "Part.Field").</summary>
internal static class PublishRefusal
{
    /// <returns>True when there were errors (publishing is then cancelled).</returns>
    public static bool Refuse(PublishContentContext context, IUpdateModelAccessor updateModelAccessor, string partName, IReadOnlyList<FieldError> errors)
    {
        if (errors.Count == 0)
        {
            return false;
        }

        context.Cancel = true;
        var modelState = updateModelAccessor.ModelUpdater?.ModelState;
        foreach (var error in errors)
        {
            modelState?.AddModelError(partName + "." + error.Field, error.Message);
        }

        return true;
    }

    /// <summary>Imports (recipes, deployment) validate instead of publishing through the editor.</summary>
    public static void Fail(ValidateContentContext context, string partName, IReadOnlyList<FieldError> errors)
    {
        foreach (var error in errors)
        {
            context.Fail($"{context.ContentItem.ContentType} '{context.ContentItem.DisplayText}' {error.Field}: {error.Message}", partName + "." + error.Field);
        }
    }
}
