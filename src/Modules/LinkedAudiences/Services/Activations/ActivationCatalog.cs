using LinkedAudiences.Core.Activations;
using LinkedAudiences.Indexes;
using OrchardCore.ContentManagement;
using YesSql;
using OrchardCore.Data;

namespace LinkedAudiences.Services.Activations;

/// <summary>
/// The published activations as the engine's <see cref="Activation"/>s. Reads through sessions of its own (as
/// ContentAudienceStore does), since it is called from runs and delivery rounds that may sit inside a request whose
/// session is writing.
/// </summary>
public sealed class ActivationCatalog(IStore store, IEnumerable<IScopedIndexProvider> scopedIndexProviders)
{
    private readonly IScopedIndexProvider[] _scopedIndexProviders = [.. scopedIndexProviders];

    /// <summary>Every published activation the engine can deliver (enabled or not).</summary>
    public async Task<IReadOnlyList<Activation>> ListPublishedAsync(CancellationToken cancellationToken)
    {
        await using var session = OpenSession();
        var items = await session.Query<ContentItem, ActivationIndex>(x => x.Published).ListAsync(cancellationToken);
        return [.. items.Select(ActivationMapper.ToActivation).OfType<Activation>()];
    }

    public async Task<IReadOnlyList<Activation>> ListPublishedAsync(string audienceKey, CancellationToken cancellationToken)
    {
        await using var session = OpenSession();
        var items = await session.Query<ContentItem, ActivationIndex>(x => x.AudienceKey == audienceKey && x.Published).ListAsync(cancellationToken);
        return [.. items.Select(ActivationMapper.ToActivation).OfType<Activation>()];
    }

    private ISession OpenSession()
    {
        var session = store.CreateSession();
        session.RegisterIndexes(_scopedIndexProviders);
        return session;
    }
}
