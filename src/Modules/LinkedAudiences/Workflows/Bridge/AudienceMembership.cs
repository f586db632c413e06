using System.Data.Common;
using System.Text.Json.Nodes;
using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Snapshots;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Services;
using LinkedAudiences.Services.Runs;

namespace LinkedAudiences.Workflows.Bridge;

/// <summary>
/// Reads whether a member is in an audience's committed membership (the warehouse's membership view) and, if so, its
/// enrichment values through <see cref="WarehouseEnrichmentSource"/>: every trait of the graph, and each entity the
/// definition names with all its columns (at most <see cref="WarehouseEnrichmentSource.MaxRowsPerEntity"/> rows).
/// </summary>
public sealed class AudienceMembership(ContentAudienceStore audiences, TenantStateStore tenantState, WarehouseConnector warehouses, TimeProvider time)
{
    public async Task<MembershipCheck> CheckAsync(string audienceKey, string memberKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(audienceKey) || string.IsNullOrEmpty(memberKey))
        {
            return new MembershipCheck(audienceKey, memberKey, false, 0, null, "Both an audience and a profile id are needed.");
        }

        var audience = await audiences.GetAudienceAsync(audienceKey, null, cancellationToken);
        if (audience is null)
        {
            return new MembershipCheck(audienceKey, memberKey, false, 0, null, $"There is no published audience with the key '{audienceKey}'.");
        }

        var version = await (await tenantState.GetAsync(cancellationToken)).Runs.GetCommittedVersionAsync(audienceKey, cancellationToken);
        if (version == 0)
        {
            // Never ran: nobody is a member yet.
            return new MembershipCheck(audienceKey, memberKey, false, 0, null, null);
        }

        try
        {
            await using var warehouse = await warehouses.OpenAsync(cancellationToken);
            if (warehouse is null)
            {
                return new MembershipCheck(audienceKey, memberKey, false, version, null, "No warehouse is configured.");
            }

            var options = new SnapshotOptions();
            var view = warehouse.Dialect.QuoteTable(options.Schema, options.MembershipView);
            var query = new SqlQuery(
                $"SELECT member_key FROM {view} WHERE audience_key = {warehouse.Dialect.CastToText(warehouse.Dialect.Placeholder(1))} AND member_key = {warehouse.Dialect.CastToText(warehouse.Dialect.Placeholder(2))}",
                [new SqlParameter("audience_key", audienceKey), new SqlParameter("member_key", memberKey)]);
            var isMember = false;
            await foreach (var _ in warehouse.QueryAsync(query, cancellationToken))
            {
                isMember = true;
            }

            if (!isMember)
            {
                return new MembershipCheck(audienceKey, memberKey, false, version, null, null);
            }

            var graph = (await audiences.GetGraphAsync(audience.Settings.GraphKey, null, cancellationToken))?.Graph;
            if (graph is null)
            {
                return new MembershipCheck(audienceKey, memberKey, true, version, null, null);
            }

            var target = audience.Definition.Target.Entity;
            var entities = DefinitionBranches.Entities(audience.Definition)
                .Select(graph.FindEntity)
                .OfType<Core.Graph.EntityDefinition>()
                .Select(e => new EntityEnrichment(e.Name, [.. e.Columns.Select(c => c.Name)]))
                .ToList();

            // The enrichment source reads a member the way it reads an event's: an entered event of that member.
            var context = new AudienceEventContext(audienceKey, version, "check", time.GetUtcNow(), target);
            var probe = AudienceEvents.Entered(context, memberKey, memberKey);
            var traits = target is null ? graph.Profile.Traits.Select(t => t.Name).ToList() : [];
            var values = await new WarehouseEnrichmentSource(warehouse, graph, options).ReadAsync(probe, traits, entities, cancellationToken);
            var identify = JsonNode.Parse(EventPayloads.Identify(context, memberKey, probe.MessageId, true, "check", values))!;
            var enrichment = (JsonObject)identify["traits"]!.DeepClone();
            enrichment.Remove(audienceKey);
            return new MembershipCheck(audienceKey, memberKey, true, version, enrichment, null);
        }
        catch (DbException e)
        {
            return new MembershipCheck(audienceKey, memberKey, false, version, null, e.Message);
        }
        catch (WarehouseUnavailableException e)
        {
            return new MembershipCheck(audienceKey, memberKey, false, version, null, e.Message);
        }
    }
}

/// <param name="Enrichment">Traits by name and each entity's matched rows under its name (as identify events carry them); null for non-members.</param>
public sealed record MembershipCheck(string AudienceKey, string MemberKey, bool IsMember, long MembershipVersion, JsonObject? Enrichment, string? Error)
{
    public Dictionary<string, object> ToOutput()
    {
        var output = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["AudienceKey"] = AudienceKey,
            ["ProfileId"] = MemberKey,
            ["IsMember"] = IsMember,
            ["MembershipVersion"] = MembershipVersion,
            ["Enrichment"] = Enrichment ?? new JsonObject(),
        };
        if (Error is not null)
        {
            output["Error"] = Error;
        }

        return output;
    }
}
