using System.Data.Common;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Events;

namespace LinkedAudiences.Storage.Deliveries;

/// <summary>How a <see cref="DeliveryRecord"/> maps to a la_delivery row. Filtered records keep no payload (it reads back empty).</summary>
internal static class DeliveryRows
{
    public const string Columns =
        "activation_key, message_id, position, state, attempts, next_attempt_ticks, last_error, updated_ticks, run_id, audience_key, kind, membership_version, event_ticks, profile_key, entity, entity_key, branch, payload";

    public const int ColumnCount = 18;

    public static object?[] Values(DeliveryRecord r) =>
    [
        r.ActivationKey, r.MessageId, r.Position, r.State.ToString(), r.Attempts, r.NextAttemptAt?.UtcTicks, r.LastError, r.UpdatedAt.UtcTicks,
        r.Event.RunId, r.Event.AudienceKey, r.Event.Kind.ToString(), r.Event.MembershipVersion, r.Event.Timestamp.UtcTicks,
        r.Event.ProfileKey, r.Event.Entity, r.Event.EntityKey, r.Event.Branch, r.State == DeliveryState.Filtered ? null : r.Event.Payload,
    ];

    public static DeliveryRecord Read(DbDataReader reader) => new()
    {
        ActivationKey = reader.GetString(0),
        Position = reader.GetInt64(2),
        State = Enum.Parse<DeliveryState>(reader.GetString(3)),
        Attempts = reader.GetInt32(4),
        NextAttemptAt = reader.IsDBNull(5) ? null : At(reader.GetInt64(5)),
        LastError = reader.IsDBNull(6) ? null : reader.GetString(6),
        UpdatedAt = At(reader.GetInt64(7)),
        Event = new AudienceEvent
        {
            MessageId = reader.GetString(1),
            RunId = reader.GetString(8),
            AudienceKey = reader.GetString(9),
            Kind = Enum.Parse<AudienceEventKind>(reader.GetString(10)),
            MembershipVersion = reader.GetInt64(11),
            Timestamp = At(reader.GetInt64(12)),
            ProfileKey = reader.GetString(13),
            Entity = reader.IsDBNull(14) ? null : reader.GetString(14),
            EntityKey = reader.IsDBNull(15) ? null : reader.GetString(15),
            Branch = reader.IsDBNull(16) ? null : reader.GetString(16),
            Payload = reader.IsDBNull(17) ? "" : reader.GetString(17),
        },
    };

    public static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);
}
