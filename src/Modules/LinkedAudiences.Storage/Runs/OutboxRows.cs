using System.Data.Common;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.State;
using LinkedAudiences.Storage.Engines;

namespace LinkedAudiences.Storage.Runs;

/// <summary>How an <see cref="OutboxEntry"/> reads from a la_outbox row.</summary>
internal static class OutboxRows
{
    public const string Columns =
        "position, message_id, run_id, audience_key, kind, membership_version, ts, profile_key, entity, entity_key, branch, payload";

    public static OutboxEntry Read(StoreEngine engine, DbDataReader reader) => new(
        reader.GetInt64(0),
        new AudienceEvent
        {
            MessageId = reader.GetString(1),
            RunId = reader.GetString(2),
            AudienceKey = reader.GetString(3),
            Kind = Enum.Parse<AudienceEventKind>(reader.GetString(4)),
            MembershipVersion = reader.GetInt64(5),
            Timestamp = engine.ReadTimestamp(reader, 6),
            ProfileKey = reader.GetString(7),
            Entity = reader.IsDBNull(8) ? null : reader.GetString(8),
            EntityKey = reader.IsDBNull(9) ? null : reader.GetString(9),
            Branch = reader.IsDBNull(10) ? null : reader.GetString(10),
            Payload = reader.GetString(11),
        });
}
