using System.Globalization;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Snapshots;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Runs;

/// <summary>
/// Streams a run's changes out of the warehouse (one diff query per kind) and turns them into events, in the order a
/// destination needs them: entries (identify first, so the profile is known), entity entries, fresh values, entity
/// exits, exits. Only changed rows are read; at most one member's values are held at a time.
/// </summary>
internal sealed class ChangeReader(IWarehouse warehouse, SnapshotDiff diff, ResolvedEnrichment enrichment, AudienceEventContext context)
{
    private bool TargetsProfiles => context.TargetEntity is null;

    public async Task<ChangeSummary> WriteAsync(EventSpool spool, long members, long previous, CancellationToken cancellationToken)
    {
        var current = context.MembershipVersion;
        long entered = 0, exited = 0, entitiesEntered = 0, entitiesExited = 0, valuesChanged = 0;

        await foreach (var row in warehouse.QueryAsync(diff.Members(current, previous), cancellationToken))
        {
            var (member, profile) = MemberOf(row);
            if (TargetsProfiles)
            {
                await spool.AddAsync(AudienceEvents.MembershipChanged(context, member, profile, isMember: true), cancellationToken);
            }

            await spool.AddAsync(AudienceEvents.Entered(context, member, profile), cancellationToken);
            entered++;
        }

        await foreach (var row in warehouse.QueryAsync(diff.Entities(current, previous), cancellationToken))
        {
            await spool.AddAsync(AudienceEvents.EntityEntered(context, EntityOf(row)), cancellationToken);
            entitiesEntered++;
        }

        if (!enrichment.IsEmpty && previous > 0)
        {
            valuesChanged = await WriteValuesAsync(spool, previous, cancellationToken);
        }

        await foreach (var row in warehouse.QueryAsync(diff.Entities(previous, current), cancellationToken))
        {
            await spool.AddAsync(AudienceEvents.EntityExited(context, EntityOf(row)), cancellationToken);
            entitiesExited++;
        }

        await foreach (var row in warehouse.QueryAsync(diff.Members(previous, current), cancellationToken))
        {
            var (member, profile) = MemberOf(row);
            await spool.AddAsync(AudienceEvents.Exited(context, member, profile), cancellationToken);
            if (TargetsProfiles)
            {
                await spool.AddAsync(AudienceEvents.MembershipChanged(context, member, profile, isMember: false), cancellationToken);
            }

            exited++;
        }

        return new ChangeSummary(members, entered, exited, entitiesEntered, entitiesExited, valuesChanged);
    }

    private async Task<long> WriteValuesAsync(EventSpool spool, long previous, CancellationToken cancellationToken)
    {
        long count = 0;
        MemberValues? pending = null;
        await foreach (var row in warehouse.QueryAsync(diff.ValuesChanged(context.MembershipVersion, previous, enrichment), cancellationToken))
        {
            var (member, profile) = MemberOf(row);
            if (pending is not null && !string.Equals(pending.Member, member, StringComparison.Ordinal))
            {
                await spool.AddAsync(pending.ToEvent(context), cancellationToken);
                count++;
                pending = null;
            }

            pending ??= new MemberValues(member, profile, enrichment);
            pending.Add(row);
        }

        if (pending is not null)
        {
            await spool.AddAsync(pending.ToEvent(context), cancellationToken);
            count++;
        }

        return count;
    }

    // An entity-target member without a linked profile has no profile key; its own key identifies it then.
    private static (string Member, string Profile) MemberOf(object?[] row)
    {
        var member = Text(row[0]) ?? throw new InvalidOperationException("The warehouse returned a change without a member key.");
        return (member, Text(row[1]) ?? member);
    }

    private static EntityChange EntityOf(object?[] row)
    {
        var (member, profile) = MemberOf(row);
        return new EntityChange(member, profile, Text(row[2])!, Text(row[3])!, Text(row[4])!, Text(row[5]));
    }

    private static string? Text(object? value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);

    /// <summary>The rows of one member's values-changed result: its traits row and its enriched entity rows.</summary>
    private sealed class MemberValues(string member, string profile, ResolvedEnrichment enrichment)
    {
        private const int Fixed = 4;
        private readonly List<NamedValue> _traits = [];
        private readonly List<EntityValueRow>[] _rows = [.. enrichment.Entities.Select(_ => new List<EntityValueRow>())];

        public string Member { get; } = member;

        public void Add(object?[] row)
        {
            if (row[2] is not string entity)
            {
                _traits.AddRange(enrichment.Traits.Select((t, i) => new NamedValue(t.Name, row[Fixed + i])));
                return;
            }

            var offset = Fixed + enrichment.Traits.Count;
            for (var i = 0; i < enrichment.Entities.Count; i++)
            {
                var enriched = enrichment.Entities[i];
                if (string.Equals(enriched.Entity.Name, entity, StringComparison.Ordinal))
                {
                    var at = offset;
                    _rows[i].Add(new EntityValueRow(Text(row[3])!, [.. enriched.Columns.Select((c, j) => new NamedValue(c.Name, row[at + j]))]));
                    return;
                }

                offset += enriched.Columns.Count;
            }
        }

        public AudienceEvent ToEvent(AudienceEventContext context) =>
            AudienceEvents.ValuesChanged(context, Member, profile, new EnrichmentValues(
                _traits,
                [.. enrichment.Entities.Select((e, i) => new EntityValues(e.Entity.Name, _rows[i]))]));
    }
}
