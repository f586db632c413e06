using System.Globalization;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Snapshots;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Delivery;

/// <summary>
/// Reads enrichment values from the warehouse at delivery time: the profile's traits, and per enriched entity the
/// member's matched rows in the audience's committed snapshot (the event's own row for an entity event of that
/// entity), at most <see cref="MaxRowsPerEntity"/> per entity in key order, as the preview truncates them.
/// Values are the current ones: an event delivered late carries what the warehouse holds then.
/// </summary>
public sealed class WarehouseEnrichmentSource(IWarehouse warehouse, DataGraph graph, SnapshotOptions? snapshots = null) : IEnrichmentSource
{
    public const int MaxRowsPerEntity = 10;

    private readonly GraphSql _graph = new(warehouse.Dialect, graph);
    private readonly SnapshotTables _tables = new(warehouse.Dialect, snapshots ?? new SnapshotOptions());

    public async Task<EnrichmentValues> ReadAsync(AudienceEvent audienceEvent, IReadOnlyList<string> traits, IReadOnlyList<EntityEnrichment> entities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audienceEvent);
        ArgumentNullException.ThrowIfNull(traits);
        ArgumentNullException.ThrowIfNull(entities);
        var traitValues = await TraitsAsync(audienceEvent.ProfileKey, [.. traits.Select(t => graph.FindTrait(t)).OfType<TraitDefinition>()], cancellationToken);
        var entityValues = new List<EntityValues>();
        foreach (var wanted in entities)
        {
            if (graph.FindEntity(wanted.Entity) is { } entity)
            {
                entityValues.Add(new EntityValues(entity.Name, await RowsAsync(audienceEvent, entity, wanted.Columns, cancellationToken)));
            }
        }

        return new EnrichmentValues(traitValues, entityValues);
    }

    private async Task<List<NamedValue>> TraitsAsync(string profileKey, List<TraitDefinition> traits, CancellationToken cancellationToken)
    {
        if (traits.Count == 0)
        {
            return [];
        }

        var sql = new BoundSql(warehouse.Dialect);
        var query = sql.Render($"SELECT {string.Join(", ", traits.Select(t => _graph.Trait("p", t)))} FROM {_graph.ProfileTable} AS p WHERE {_graph.ProfileKey("p")} = {sql.Text(profileKey)}");
        await foreach (var row in warehouse.QueryAsync(query, cancellationToken))
        {
            return [.. traits.Select((t, i) => new NamedValue(t.Name, row[i]))];
        }

        return [.. traits.Select(t => new NamedValue(t.Name, null))];
    }

    private async Task<List<EntityValueRow>> RowsAsync(AudienceEvent audienceEvent, EntityDefinition entity, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        var known = columns.Where(c => entity.FindColumn(c) is not null).ToList();
        var sql = new BoundSql(warehouse.Dialect);
        var values = string.Concat(known.Select((c, i) => $", {_graph.Column("e", c)} AS v{i.ToString(CultureInfo.InvariantCulture)}"));
        var ownRow = audienceEvent.EntityKey is { } key && string.Equals(audienceEvent.Entity, entity.Name, StringComparison.Ordinal);
        var text = ownRow
            ? $"SELECT {_graph.EntityKey("e", entity)}{values} FROM {_graph.EntityTable(entity)} AS e WHERE {_graph.EntityKey("e", entity)} = {sql.Text(audienceEvent.EntityKey!)}"
            : $"""
              SELECT d.* FROM (
                  SELECT DISTINCT s.entity_key{values}
                  FROM {_tables.Entities} AS s
                  JOIN {_tables.Committed} AS c ON c.audience_key = s.audience_key AND c.version = s.version
                  JOIN {_graph.EntityTable(entity)} AS e ON {_graph.EntityKey("e", entity)} = s.entity_key
                  WHERE s.audience_key = {sql.Text(audienceEvent.AudienceKey)} AND s.member_key = {sql.Text(MemberKey(audienceEvent))} AND s.entity = {sql.Text(entity.Name)}) AS d
              ORDER BY {warehouse.Dialect.OrdinalOrder("d.entity_key")}
              """;
        var rows = new List<EntityValueRow>();
        await foreach (var row in warehouse.QueryAsync(sql.Render(text), cancellationToken))
        {
            rows.Add(new EntityValueRow(Convert.ToString(row[0], CultureInfo.InvariantCulture)!, [.. known.Select((c, i) => new NamedValue(c, row[i + 1]))]));
            if (rows.Count == MaxRowsPerEntity)
            {
                break;
            }
        }

        return rows;
    }

    /// <summary>Member events of entity-target audiences are about the member row itself; every other event's member is its profile.</summary>
    private static string MemberKey(AudienceEvent e) =>
        e.Kind is AudienceEventKind.ProfileEntered or AudienceEventKind.ProfileExited or AudienceEventKind.ValuesChanged && e.EntityKey is { } member
            ? member
            : e.ProfileKey;
}
