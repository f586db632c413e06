using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Models;
using LinkedAudiences.Services.Activations;
using LinkedAudiences.ViewModels;
using OrchardCore.ContentManagement.Display.ContentDisplay;
using OrchardCore.ContentManagement.Display.Models;
using OrchardCore.DisplayManagement.Views;

namespace LinkedAudiences.Drivers;

/// <summary>
/// The activation's plain form; the checks run when publishing (see ActivationPartHandler). Secrets are protected
/// here on save and never put back into the form.
/// </summary>
public sealed class ActivationPartDisplayDriver(ISecretProtector secrets, ActivationEditorContextSource editorContext) : ContentPartDisplayDriver<ActivationPart>
{
    public override IDisplayResult Display(ActivationPart part, BuildPartDisplayContext context) =>
        Initialize<ActivationPartViewModel>(GetDisplayShapeType(context), m => Fill(m, part))
            .Location("Detail", "Content:5")
            .Location("SummaryAdmin", "Meta:5");

    public override IDisplayResult Edit(ActivationPart part, BuildPartEditorContext context) =>
        Initialize<ActivationPartViewModel>(GetEditorShapeType(context), async m =>
        {
            Fill(m, part);
            m.EditorContextJson = await editorContext.BuildAsync();
        });

    public override async Task<IDisplayResult> UpdateAsync(ActivationPart part, UpdatePartEditorContext context)
    {
        var model = new ActivationPartViewModel();
        await context.Updater.TryUpdateModelAsync(model, Prefix);
        ToInput(model).Apply(part, secrets);
        return Edit(part, context);
    }

    internal static ActivationInput ToInput(ActivationPartViewModel m) => new()
    {
        AudienceKey = m.AudienceKey,
        Trigger = m.Trigger,
        TriggerEntity = m.TriggerEntity,
        Action = m.Action,
        IdentifierTrait = m.IdentifierTrait,
        EnrichmentTraits = ActivationFormText.ParseList(m.EnrichmentTraits),
        EnrichmentEntities = ActivationFormText.ParseEntities(m.EnrichmentEntities),
        Mapping = m.Mapping,
        SendExistingMembers = m.SendExistingMembers,
        DestinationKind = m.DestinationKind,
        Url = m.Url,
        Headers = ActivationFormText.ParseHeaders(m.Headers),
        SecretHeaders = ActivationFormText.ParseHeaders(m.SecretHeaders),
        Secret = m.Secret,
        ClearSecrets = m.ClearSecrets,
        SignatureHeader = m.SignatureHeader,
        Source = m.Source,
        Schema = m.Schema,
        Table = m.Table,
        BatchSize = m.BatchSize,
        MaxConcurrency = m.MaxConcurrency,
        RatePerSecond = m.RatePerSecond,
        MaxAttempts = m.MaxAttempts,
        InitialBackoffSeconds = m.InitialBackoffSeconds,
        MaxBackoffSeconds = m.MaxBackoffSeconds,
        TimeoutSeconds = m.TimeoutSeconds,
        Enabled = m.Enabled,
    };

    private static void Fill(ActivationPartViewModel model, ActivationPart part)
    {
        var d = part.Destination ?? new ActivationDestination();
        model.AudienceKey = part.AudienceKey;
        model.Trigger = part.Trigger;
        model.TriggerEntity = part.TriggerEntity;
        model.Action = part.Action;
        model.IdentifierTrait = part.IdentifierTrait;
        model.EnrichmentTraits = ActivationFormText.FormatList(part.EnrichmentTraits);
        model.EnrichmentEntities = ActivationFormText.FormatEntities(part.EnrichmentEntities);
        model.Mapping = part.Mapping;
        model.SendExistingMembers = part.SendExistingMembers;
        model.DestinationKind = part.DestinationKind;
        model.Url = d.Url;
        model.Headers = ActivationFormText.FormatHeaders(d.Headers);
        model.SignatureHeader = d.SignatureHeader;
        model.Source = d.Source;
        model.Schema = d.Schema;
        model.Table = d.Table;
        model.BatchSize = d.BatchSize;
        model.MaxConcurrency = d.MaxConcurrency;
        model.RatePerSecond = d.RatePerSecond;
        model.MaxAttempts = d.MaxAttempts;
        model.InitialBackoffSeconds = d.InitialBackoffSeconds;
        model.MaxBackoffSeconds = d.MaxBackoffSeconds;
        model.TimeoutSeconds = d.TimeoutSeconds;
        model.Enabled = part.Enabled;
        model.HasSecret = d.ProtectedSecret is not null;
        model.StoredSecretHeaders = [.. d.ProtectedHeaders.Keys.Order(StringComparer.OrdinalIgnoreCase)];
        model.DisabledReason = part.DisabledReason;
        model.ContentItemId = part.ContentItem?.ContentItemId;
        model.WasPublished = part.FirstPublishedUtc is not null;
    }
}
