using System.Text;
using System.Text.Json;
using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Events;

namespace LinkedAudiences.Core.Delivery.Destinations;

/// <summary>
/// CloudEvents 1.0 over HTTP, structured mode: one event as application/cloudevents+json, several as
/// application/cloudevents-batch+json. id = messageId (so receivers deduplicate), subject = the user id, data = the event.
/// </summary>
public sealed class CloudEventsDestination(HttpClient http, DestinationSettings settings, ISecretProtector secrets, TimeProvider time)
    : HttpDestination(http, settings, secrets, time)
{
    public const string SingleMediaType = "application/cloudevents+json";
    public const string BatchMediaType = "application/cloudevents-batch+json";

    public static string TypeOf(AudienceEventKind kind) => kind switch
    {
        AudienceEventKind.ProfileEntered => "com.linkedaudiences.audience.entered",
        AudienceEventKind.ProfileExited => "com.linkedaudiences.audience.exited",
        AudienceEventKind.EntityEntered => "com.linkedaudiences.entity.entered",
        AudienceEventKind.EntityExited => "com.linkedaudiences.entity.exited",
        AudienceEventKind.MembershipChanged => "com.linkedaudiences.membership.changed",
        AudienceEventKind.ValuesChanged => "com.linkedaudiences.values.changed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    protected override HttpPayload Build(IReadOnlyList<OutgoingEvent> batch)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            if (batch.Count == 1)
            {
                Write(writer, batch[0]);
            }
            else
            {
                writer.WriteStartArray();
                foreach (var e in batch)
                {
                    Write(writer, e);
                }

                writer.WriteEndArray();
            }
        }

        var body = Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
        return new HttpPayload(new Uri(Settings.Url!), body, batch.Count == 1 ? SingleMediaType : BatchMediaType, []);
    }

    private void Write(Utf8JsonWriter writer, OutgoingEvent e)
    {
        writer.WriteStartObject();
        writer.WriteString("specversion", "1.0");
        writer.WriteString("id", e.MessageId);
        writer.WriteString("source", Settings.Source ?? "/linked-audiences/" + e.AudienceKey);
        writer.WriteString("type", TypeOf(e.Kind));
        writer.WriteString("subject", e.UserId);
        writer.WriteString("time", EventPayloads.FormatTimestamp(e.Timestamp));
        writer.WriteString("datacontenttype", "application/json");
        writer.WritePropertyName("data");
        writer.WriteRawValue(e.Json);
        writer.WriteEndObject();
    }
}
