using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Validation;
using LinkedAudiences.Models;
using OrchardCore.ContentManagement;

namespace LinkedAudiences.Services;

/// <summary>The engine's audience catalogue over published LinkedAudience content items.</summary>
public sealed class ContentAudienceCatalog(LinkedAudiencesContent content) : IAudienceCatalog
{
    public async Task<AudienceDefinition?> FindAsync(string audienceKey, CancellationToken cancellationToken)
    {
        var item = await content.FindPublishedAudienceAsync(audienceKey);
        var json = item?.GetOrCreate<LinkedAudiencePart>().Definition;

        // An unreadable published definition cannot be referenced; the validator reports it as unknown.
        return string.IsNullOrWhiteSpace(json) ? null : DefinitionReader.Read(json).Value;
    }
}
