using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LinkedAudiences.Workflows.ViewModels;

/// <summary>The editor of an audience event: which audience (empty: any), and for entity events which entity (empty: any).</summary>
// Not sealed: Orchard builds the editor shape as a proxy of the view model.
public class AudienceEventViewModel
{
    public string? AudienceKey { get; set; }

    public string? Entity { get; set; }

    /// <summary>Whether the entity picker shows (entity events).</summary>
    [BindNever]
    public bool HasEntity { get; set; }

    [BindNever]
    public IReadOnlyList<SelectListItem> Audiences { get; set; } = [];

    [BindNever]
    public IReadOnlyList<SelectListItem> Entities { get; set; } = [];
}
