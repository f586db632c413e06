using System.Data.Common;
using System.Globalization;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Snapshots;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Validation;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Models;
using LinkedAudiences.Services.Runs;
using OrchardCore.ContentManagement;

namespace LinkedAudiences.Services.Audiences;

/// <summary>
/// The Overview tab's audience explorer: the audience's current members (its committed snapshot, as the membership
/// view shows it), a page at a time, with the profile's traits beside each member of a profile audience.
/// </summary>
public sealed class AudienceExplorer(TenantStateStore tenantState, WarehouseConnector warehouses, LinkedAudiencesContent content)
{
    public const int PageSize = 25;

    /// <summary>Trait columns shown; the graph's first ones (a wide table helps nobody).</summary>
    public const int MaxTraits = 8;

    public async Task<AudienceExplorerPage> ReadAsync(AudienceSummary audience, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audience);
        page = Math.Max(page, 1);
        if (!audience.Published || string.IsNullOrEmpty(audience.Key)
            || await (await tenantState.GetAsync(cancellationToken)).Runs.GetCommittedVersionAsync(audience.Key, cancellationToken) == 0)
        {
            return AudienceExplorerPage.Empty(page, "The audience has no members yet: it has not run.");
        }

        var definition = DefinitionReader.Read(audience.Part.Definition ?? string.Empty).Value;
        var graphItem = await content.FindPublishedGraphAsync(audience.Part.GraphKey ?? string.Empty);
        var graph = graphItem is null ? null : GraphReader.Read(graphItem.GetOrCreate<DataGraphPart>().Graph ?? string.Empty).Value;
        var traits = definition?.Target.Type == TargetType.Profile && graph is not null ? graph.Profile.Traits.Take(MaxTraits).ToList() : [];

        try
        {
            await using var warehouse = await warehouses.OpenAsync(cancellationToken);
            if (warehouse is null)
            {
                return AudienceExplorerPage.Empty(page, "No warehouse is configured: set one under Settings → Linked Audiences.");
            }

            var view = warehouse.Dialect.QuoteTable(new SnapshotOptions().Schema, new SnapshotOptions().MembershipView);
            var key = new SqlParameter("audience_key", audience.Key);
            long total = 0;
            await foreach (var row in warehouse.QueryAsync(
                new SqlQuery($"SELECT COUNT(*) FROM {view} AS m WHERE m.audience_key = {warehouse.Dialect.Placeholder(1)}", [key]), cancellationToken))
            {
                total = Convert.ToInt64(row[0], CultureInfo.InvariantCulture);
            }

            var members = new List<AudienceExplorerMember>();
            await foreach (var row in warehouse.QueryAsync(MembersQuery(warehouse.Dialect, view, graph, traits, key, page), cancellationToken))
            {
                members.Add(new AudienceExplorerMember(Format(row[0]) ?? string.Empty, [.. row.Skip(1).Select(Format)]));
            }

            return new AudienceExplorerPage([.. traits.Select(t => t.Name)], members, total, page, PageSize, null);
        }
        catch (Exception e) when (e is WarehouseUnavailableException or DbException)
        {
            return AudienceExplorerPage.Empty(page, "The warehouse could not be read: " + e.Message);
        }
    }

    private static SqlQuery MembersQuery(SqlDialect dialect, string view, DataGraph? graph, List<TraitDefinition> traits, SqlParameter key, int page)
    {
        var paging = string.Create(CultureInfo.InvariantCulture, $"{dialect.Limit(PageSize)} OFFSET {(page - 1) * PageSize}");
        if (traits.Count == 0 || graph is null)
        {
            return new SqlQuery($"SELECT m.member_key FROM {view} AS m WHERE m.audience_key = {dialect.Placeholder(1)} ORDER BY m.member_key {paging}", [key]);
        }

        var profile = graph.Profile;
        var columns = traits.Select(t => t.Column is { } column
            ? "p." + dialect.QuoteIdentifier(column)
            : profile.TraitsColumn is { } json ? dialect.JsonValue("p." + dialect.QuoteIdentifier(json), t.PathSegments, t.Type) : "NULL");
        return new SqlQuery(
            $"""
            SELECT m.member_key, {string.Join(", ", columns)}
            FROM {view} AS m
            LEFT JOIN {dialect.QuoteTable(profile.Schema, profile.Table)} AS p ON {dialect.CastToText("p." + dialect.QuoteIdentifier(profile.IdColumn))} = m.member_key
            WHERE m.audience_key = {dialect.Placeholder(1)}
            ORDER BY m.member_key {paging}
            """,
            [key]);
    }

    private static string? Format(object? value) => value switch
    {
        null or DBNull => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>One page of members; <see cref="Problem"/> says why there are none to show when that is not "empty audience".</summary>
public sealed record AudienceExplorerPage(
    IReadOnlyList<string> TraitNames, IReadOnlyList<AudienceExplorerMember> Members, long Total, int Page, int PageSize, string? Problem)
{
    public int PageCount => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);

    public static AudienceExplorerPage Empty(int page, string problem) => new([], [], 0, page, AudienceExplorer.PageSize, problem);
}

/// <summary>A member's key and its trait values (formatted; null when missing), in <see cref="AudienceExplorerPage.TraitNames"/> order.</summary>
public sealed record AudienceExplorerMember(string Key, IReadOnlyList<string?> Traits);
