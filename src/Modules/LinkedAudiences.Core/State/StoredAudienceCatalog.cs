using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Core.State;

/// <summary>
/// The audiences of an <see cref="IAudienceStore"/> as the engine's catalogue: part-of-audience conditions resolve to
/// the latest saved version of the referenced audience.
/// </summary>
public sealed class StoredAudienceCatalog(IAudienceStore audiences) : IAudienceCatalog
{
    private readonly IAudienceStore _audiences = audiences ?? throw new ArgumentNullException(nameof(audiences));

    public async Task<AudienceDefinition?> FindAsync(string audienceKey, CancellationToken cancellationToken) =>
        (await _audiences.GetAudienceAsync(audienceKey, null, cancellationToken))?.Definition;
}
