using LinkedAudiences.Core.State;
using LinkedAudiences.Models;
using LinkedAudiences.Services.Runs;
using OrchardCore.ContentManagement;

namespace LinkedAudiences.Services.Audiences;

/// <summary>One audience as its screens show it: the live content version (published, else the draft) and its lifecycle state.</summary>
public sealed record AudienceSummary(ContentItem Item, LinkedAudiencePart Part, AudienceState State)
{
    public string ContentItemId => Item.ContentItemId;

    public string Key => Part.Key ?? string.Empty;

    public string Name => string.IsNullOrWhiteSpace(Item.DisplayText) ? Key : Item.DisplayText;

    public bool Published => Item.Published;

    public static AudienceSummary Of(ContentItem item) =>
        new(item, item.GetOrCreate<LinkedAudiencePart>(), ContentAudienceStore.StateOf(item));
}
