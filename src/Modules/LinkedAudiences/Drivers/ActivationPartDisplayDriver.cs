using LinkedAudiences.Models;
using LinkedAudiences.ViewModels;
using OrchardCore.ContentManagement.Display.ContentDisplay;
using OrchardCore.ContentManagement.Display.Models;
using OrchardCore.DisplayManagement.Views;

namespace LinkedAudiences.Drivers;

/// <summary>Audience, trigger, destination and its settings JSON; the checks run when publishing (see ActivationPartHandler).</summary>
public sealed class ActivationPartDisplayDriver : ContentPartDisplayDriver<ActivationPart>
{
    public override IDisplayResult Display(ActivationPart part, BuildPartDisplayContext context) =>
        Initialize<ActivationPartViewModel>(GetDisplayShapeType(context), m => Fill(m, part))
            .Location("Detail", "Content:5")
            .Location("SummaryAdmin", "Meta:5");

    public override IDisplayResult Edit(ActivationPart part, BuildPartEditorContext context) =>
        Initialize<ActivationPartViewModel>(GetEditorShapeType(context), m => Fill(m, part));

    public override async Task<IDisplayResult> UpdateAsync(ActivationPart part, UpdatePartEditorContext context)
    {
        var model = new ActivationPartViewModel();
        await context.Updater.TryUpdateModelAsync(model, Prefix);
        part.AudienceKey = model.AudienceKey?.Trim() ?? string.Empty;
        part.Trigger = model.Trigger ?? string.Empty;
        part.DestinationKind = model.DestinationKind ?? string.Empty;
        part.DestinationSettings = string.IsNullOrWhiteSpace(model.DestinationSettings) ? "{}" : model.DestinationSettings;
        part.Enabled = model.Enabled;
        return Edit(part, context);
    }

    private static void Fill(ActivationPartViewModel model, ActivationPart part)
    {
        model.AudienceKey = part.AudienceKey;
        model.Trigger = part.Trigger;
        model.DestinationKind = part.DestinationKind;
        model.DestinationSettings = part.DestinationSettings;
        model.Enabled = part.Enabled;
    }
}
