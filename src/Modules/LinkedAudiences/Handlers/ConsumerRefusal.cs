using Microsoft.AspNetCore.Mvc.Localization;
using OrchardCore.DisplayManagement.ModelBinding;
using OrchardCore.DisplayManagement.Notify;

namespace LinkedAudiences.Handlers;

/// <summary>Refuses to take away (delete or unpublish) an item others consume, telling the user who they are.</summary>
internal static class ConsumerRefusal
{
    /// <returns>True when there are consumers: the caller cancels the operation.</returns>
    public static async Task<bool> RefuseAsync(
        IReadOnlyList<string> consumers, string partName, string key, string operation,
        IUpdateModelAccessor updateModelAccessor, INotifier notifier, IHtmlLocalizer H)
    {
        if (consumers.Count == 0)
        {
            return false;
        }

        var list = string.Join("; ", consumers);
        updateModelAccessor.ModelUpdater?.ModelState.AddModelError(partName + ".Consumers", list);
        await notifier.ErrorAsync(H["'{0}' was not {1}: it is consumed by {2}. Remove those references first.", key, operation, list]);
        return true;
    }
}
