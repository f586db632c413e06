using LinkedAudiences.Models;
using LinkedAudiences.Services;
using LinkedAudiences.ViewModels;
using OrchardCore.ContentManagement.Display.ContentDisplay;
using OrchardCore.ContentManagement.Display.Models;
using OrchardCore.DisplayManagement.Views;

namespace LinkedAudiences.Drivers;

/// <summary>Key and graph JSON, edited by the graph editor over the warehouse's tables; the checks run when publishing (see DataGraphPartHandler).</summary>
public sealed class DataGraphPartDisplayDriver(GraphEditorContextSource editorContext) : ContentPartDisplayDriver<DataGraphPart>
{
    public override IDisplayResult Display(DataGraphPart part, BuildPartDisplayContext context) =>
        Initialize<DataGraphPartViewModel>(GetDisplayShapeType(context), m => Fill(m, part))
            .Location("Detail", "Content:5")
            .Location("SummaryAdmin", "Meta:5");

    public override IDisplayResult Edit(DataGraphPart part, BuildPartEditorContext context) =>
        Initialize<DataGraphPartViewModel>(GetEditorShapeType(context), async m =>
        {
            Fill(m, part);
            m.EditorContextJson = await editorContext.BuildAsync(CancellationToken.None);
        });

    public override async Task<IDisplayResult> UpdateAsync(DataGraphPart part, UpdatePartEditorContext context)
    {
        var model = new DataGraphPartViewModel();
        await context.Updater.TryUpdateModelAsync(model, Prefix);
        if (part.PublishedKey is null)
        {
            part.Key = model.Key?.Trim() ?? string.Empty;
        }

        part.Graph = model.Graph ?? string.Empty;
        return Edit(part, context);
    }

    private static void Fill(DataGraphPartViewModel model, DataGraphPart part)
    {
        model.Key = part.Key;
        model.Graph = part.Graph;
        model.KeyLocked = part.PublishedKey is not null;
    }
}
