using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Snapshots;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Security;
using LinkedAudiences.Services;
using LinkedAudiences.Services.Runs;
using LinkedAudiences.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LinkedAudiences.Liquid;

/// <summary>
/// What the audience Liquid filters read, for one scope (a request, a workflow or a deferred task): run figures from
/// the tenant's run store, membership and enrichment values from the committed snapshot in the warehouse. Everything
/// is refused (null) unless the current user has <see cref="LinkedAudiencesPermissions.ViewAudiences"/>; the warehouse
/// is opened at most once per scope and asked at most <see cref="MaxWarehouseLookups"/> times, so a template looping
/// over many profiles cannot turn one page view into thousands of warehouse queries. Answers are memoized per scope.
/// </summary>
public sealed class AudienceTemplateData(
    IHttpContextAccessor httpContextAccessor,
    IAuthorizationService authorizationService,
    TenantStateStore tenantState,
    ContentAudienceStore audiences,
    WarehouseConnector warehouses,
    ILogger<AudienceTemplateData> logger) : IAsyncDisposable
{
    /// <summary>Warehouse lookups (membership, enrichment) per scope; beyond it the filters answer null.</summary>
    public const int MaxWarehouseLookups = 100;

    /// <summary>Traits and entity columns one values lookup may ask for; more are ignored.</summary>
    public const int MaxNames = 20;

    /// <summary>Text values longer than this are cut (entity rows are already at most <see cref="WarehouseEnrichmentSource.MaxRowsPerEntity"/>).</summary>
    public const int MaxTextLength = 1000;

    /// <summary>Audience keys and member keys longer than this are not looked up.</summary>
    public const int MaxKeyLength = 200;

    private readonly Dictionary<string, object?> _memo = new(StringComparer.Ordinal);
    private bool? _allowed;
    private IWarehouse? _warehouse;
    private bool _warehouseOpened;
    private int _lookups;

    /// <summary>The request's abort token (none outside a request).</summary>
    public CancellationToken Aborted => httpContextAccessor.HttpContext?.RequestAborted ?? CancellationToken.None;

    /// <summary>Whether the current user may view audiences (no user, e.g. a background task without one: no).</summary>
    public async Task<bool> IsAllowedAsync()
    {
        if (_allowed is { } known)
        {
            return known;
        }

        var user = httpContextAccessor.HttpContext?.User;
        _allowed = user is not null && await authorizationService.AuthorizeAsync(user, LinkedAudiencesPermissions.ViewAudiences);
        return _allowed.Value;
    }

    /// <summary>The audience's newest run (any status), or null.</summary>
    public Task<RunRecord?> LastRunAsync(string audienceKey, CancellationToken cancellationToken) =>
        MemoAsync("last:" + audienceKey, async () =>
        {
            var runs = (await tenantState.GetAsync(cancellationToken)).Runs;
            var newest = await runs.ListRunsAsync(audienceKey, 1, cancellationToken);
            return newest.Count == 0 ? null : newest[0];
        });

    /// <summary>The newest succeeded run among the ones the store keeps (its member count is the audience's size), or null.</summary>
    public Task<RunRecord?> LastSucceededRunAsync(string audienceKey, CancellationToken cancellationToken) =>
        MemoAsync("succeeded:" + audienceKey, async () =>
        {
            var runs = (await tenantState.GetAsync(cancellationToken)).Runs;
            var kept = await runs.ListRunsAsync(audienceKey, StateStore.RunsKeptPerAudience, cancellationToken);
            return kept.FirstOrDefault(r => r.Status == RunStatus.Succeeded);
        });

    /// <summary>
    /// Whether <paramref name="memberKey"/> is in the audience's committed snapshot (with its profile key); not a member
    /// when the audience never committed; null when this scope cannot answer (no warehouse, or its lookups are spent).
    /// </summary>
    public Task<Membership?> MembershipAsync(string audienceKey, string memberKey, CancellationToken cancellationToken) =>
        MemoAsync("member:" + audienceKey + "\u001f" + memberKey, async () =>
        {
            var version = await (await tenantState.GetAsync(cancellationToken)).Runs.GetCommittedVersionAsync(audienceKey, cancellationToken);
            if (version == 0)
            {
                return Membership.None;
            }

            if (await WarehouseForLookupAsync(cancellationToken) is not { } warehouse)
            {
                return null;
            }

            var profileKey = await new SnapshotMembership(warehouse).FindProfileKeyAsync(audienceKey, version, memberKey, cancellationToken);
            return profileKey is null ? Membership.None : new Membership(true, profileKey);
        });

    /// <summary>
    /// The member's values of the named traits and of the named columns of one entity's matched rows (the enrichment an
    /// activation would send), or null when it is not a member. Unknown names are left out; names past <see cref="MaxNames"/> too.
    /// </summary>
    public async Task<EnrichmentValues?> ValuesAsync(string audienceKey, string memberKey, IReadOnlyList<string> traits, EntityEnrichment? entity, CancellationToken cancellationToken)
    {
        if (await MembershipAsync(audienceKey, memberKey, cancellationToken) is not { IsMember: true, ProfileKey: { } profileKey })
        {
            return null;
        }

        var audience = await audiences.GetAudienceAsync(audienceKey, null, cancellationToken);
        var graph = audience is null ? null : await audiences.GetGraphAsync(audience.Settings.GraphKey, null, cancellationToken);
        if (audience is null || graph is null || await WarehouseForLookupAsync(cancellationToken) is not { } warehouse)
        {
            return null;
        }

        var target = audience.Definition.Target;
        var isEntityTarget = target.Type == Core.Definitions.TargetType.Entity;
        var member = new AudienceEvent
        {
            MessageId = "liquid",
            Kind = AudienceEventKind.ProfileEntered,
            AudienceKey = audienceKey,
            MembershipVersion = 0,
            RunId = "liquid",
            Timestamp = DateTimeOffset.UnixEpoch,
            ProfileKey = profileKey,
            Entity = isEntityTarget ? target.Entity : null,
            EntityKey = isEntityTarget ? memberKey : null,
            Payload = "{}",
        };
        EntityEnrichment[] entities = entity is null ? [] : [entity with { Columns = [.. entity.Columns.Take(MaxNames)] }];
        return await new WarehouseEnrichmentSource(warehouse, graph.Graph).ReadAsync(member, [.. traits.Take(MaxNames)], entities, cancellationToken);
    }

    /// <summary>Cuts long text; other values pass as they are.</summary>
    public static object? Cap(object? value) =>
        value is string text && text.Length > MaxTextLength ? text[..MaxTextLength] : value;

    public async ValueTask DisposeAsync()
    {
        if (_warehouse is not null)
        {
            await _warehouse.DisposeAsync();
        }
    }

    private async Task<IWarehouse?> WarehouseForLookupAsync(CancellationToken cancellationToken)
    {
        if (++_lookups > MaxWarehouseLookups)
        {
            if (_lookups == MaxWarehouseLookups + 1)
            {
                logger.LogWarning("A template asked the warehouse more than {Limit} times in one scope; further audience lookups answer nothing.", MaxWarehouseLookups);
            }

            return null;
        }

        if (!_warehouseOpened)
        {
            _warehouseOpened = true;
            try
            {
                _warehouse = await warehouses.OpenAsync(cancellationToken);
            }
            catch (WarehouseUnavailableException e)
            {
                logger.LogWarning("The audience Liquid filters could not open the warehouse: {Reason}", e.Message);
            }
        }

        return _warehouse;
    }

    private async Task<T?> MemoAsync<T>(string key, Func<Task<T?>> read)
        where T : class
    {
        if (_memo.TryGetValue(key, out var known))
        {
            return (T?)known;
        }

        var value = await read();
        _memo[key] = value;
        return value;
    }
}

/// <summary>A membership answer: a member and its profile key, or not a member.</summary>
public sealed record Membership(bool IsMember, string? ProfileKey)
{
    public static readonly Membership None = new(false, null);
}
