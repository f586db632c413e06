using System.Globalization;
using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Snapshots;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Delivery;

/// <summary>
/// Seeds: "send events for current profiles and entities in the audience". For an activation with
/// <see cref="Activation.SendExistingMembers"/>, enqueues one event per member (or matched entity row of the trigger
/// entity) of the audience's committed snapshot, as if each had just entered at the committed version. Their messageIds
/// follow the usual rule (audience, kind, subject, version), so a member who did enter at that version gets the id
/// of its real event and is not sent twice; running this again adds nothing.
/// </summary>
public sealed class ExistingMembers(IWarehouse warehouse, DataGraph graph, IRunStore runs, IDeliveryStore deliveries, TimeProvider time, SnapshotOptions? snapshots = null)
{
    private const int Page = 1000;

    /// <returns>How many events were offered to the delivery store (ones already there are skipped by it); 0 when the option is off or the audience never ran.</returns>
    public async Task<int> EnqueueAsync(Activation activation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (!activation.SendExistingMembers || !ActivationTriggers.AllowsSendExisting(activation.Trigger))
        {
            return 0;
        }

        var version = await runs.GetCommittedVersionAsync(activation.AudienceKey, cancellationToken);
        if (version == 0)
        {
            return 0;
        }

        var tables = new SnapshotTables(warehouse.Dialect, snapshots ?? new SnapshotOptions());
        var diff = new SnapshotDiff(tables, new GraphSql(warehouse.Dialect, graph), activation.AudienceKey);
        var now = time.GetUtcNow();
        var context = new AudienceEventContext(activation.AudienceKey, version, "existing-" + version.ToString(CultureInfo.InvariantCulture), now);
        var cursor = await deliveries.GetCursorAsync(activation.Key, cancellationToken);
        var page = new List<DeliveryRecord>(Page);
        var count = 0;

        async Task FlushAsync()
        {
            await deliveries.EnqueueAsync(activation.Key, page, cursor, cancellationToken);
            count += page.Count;
            page.Clear();
        }

        var entities = activation.Trigger == ActivationTrigger.EntityEntered;
        await foreach (var row in warehouse.QueryAsync(entities ? diff.Entities(version, 0) : diff.Members(version, 0), cancellationToken))
        {
            var member = Text(row[0])!;
            var profile = Text(row[1]) ?? member;
            AudienceEvent e;
            if (entities)
            {
                if (!string.Equals(Text(row[3]), activation.TriggerEntity, StringComparison.Ordinal))
                {
                    continue;
                }

                e = AudienceEvents.EntityEntered(context, new EntityChange(member, profile, Text(row[2])!, Text(row[3])!, Text(row[4])!, Text(row[5])));
            }
            else
            {
                e = activation.Trigger == ActivationTrigger.MembershipChanged
                    ? AudienceEvents.MembershipChanged(context, member, profile, isMember: true)
                    : AudienceEvents.Entered(context, member, profile);
            }

            // Position 0: existing members go before anything the outbox brings after the activation starts.
            page.Add(new DeliveryRecord { ActivationKey = activation.Key, Event = e, Position = 0, State = DeliveryState.Pending, NextAttemptAt = now, UpdatedAt = now });
            if (page.Count == Page)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        return count;
    }

    private static string? Text(object? value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
}
