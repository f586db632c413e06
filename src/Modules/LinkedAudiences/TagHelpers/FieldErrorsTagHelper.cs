using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LinkedAudiences.TagHelpers;

/// <summary>
/// Every error of a field, one per line (asp-validation-for shows only the first, and a definition can break several
/// rules at once): <c>&lt;la-field-errors for="Definition" /&gt;</c>.
/// </summary>
[HtmlTargetElement("la-field-errors", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorsTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (!ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "ul";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-validation-error list-unstyled text-danger mb-1");
        var field = HtmlEncoder.Default.Encode(name);
        foreach (var error in entry.Errors)
        {
            output.Content.AppendHtml($"<li data-la-error-for=\"{field}\">{HtmlEncoder.Default.Encode(error.ErrorMessage)}</li>");
        }
    }
}
