using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Validation;
using LinkedAudiences.Indexes;
using LinkedAudiences.Models;
using LinkedAudiences.Services.Activations;
using OrchardCore.ContentManagement;
using OrchardCore.ContentManagement.Handlers;
using YesSql;

namespace LinkedAudiences.Handlers;

/// <summary>
/// Seeds (Builder tab): publishing an audience whose definition no longer matches an activation's trigger entity (or
/// an enriched entity) disables that activation with the reason, instead of leaving it to fail at delivery. The
/// published and the latest version of the activation both change in place (no new version: the editor did not
/// change the activation).
/// </summary>
public sealed class ActivationImpactHandler(ISession session) : ContentPartHandler<LinkedAudiencePart>
{
    public override async Task PublishedAsync(PublishContentContext context, LinkedAudiencePart part)
    {
        if (string.IsNullOrEmpty(part.Key) || DefinitionReader.Read(part.Definition).Value is not { } definition)
        {
            return;
        }

        var versions = await session.Query<ContentItem, ActivationIndex>(x => x.AudienceKey == part.Key && (x.Published || x.Latest)).ListAsync();
        foreach (var item in versions)
        {
            var activationPart = item.GetOrCreate<ActivationPart>();
            if (!activationPart.Enabled || ActivationMapper.ToActivation(item) is not { } activation
                || ActivationImpact.DisabledReason(activation, definition) is not { } reason)
            {
                continue;
            }

            activationPart.Enabled = false;
            activationPart.DisabledReason = reason;
            activationPart.Apply();
            await session.SaveAsync(item);
        }
    }
}
