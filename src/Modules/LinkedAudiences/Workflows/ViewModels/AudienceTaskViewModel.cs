using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LinkedAudiences.Workflows.ViewModels;

/// <summary>The editor of Run linked audience and Check audience membership: a picked audience or an expression giving its key.</summary>
// Not sealed: Orchard builds the editor shape as a proxy of the view model.
public class AudienceTaskViewModel
{
    public string? AudienceKey { get; set; }

    public string? AudienceKeyExpression { get; set; }

    /// <summary>Check audience membership only: the profile id expression.</summary>
    public string? ProfileId { get; set; }

    [BindNever]
    public IReadOnlyList<SelectListItem> Audiences { get; set; } = [];
}
