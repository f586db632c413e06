using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LinkedAudiences.Core.Events;

/// <summary>
/// Writes event payloads in the seeds' track and identify shapes (docs/schema/audience-event.schema.json): compact
/// JSON, members in a fixed order, warehouse values as JSON values (numbers without trailing zeros, dates as ISO text).
/// </summary>
public static class EventPayloads
{
    public const string AudienceEntered = "Audience Entered";
    public const string AudienceExited = "Audience Exited";
    public const string EntityEntered = "Entity Entered";
    public const string EntityExited = "Entity Exited";

    /// <summary>A track call: <paramref name="properties"/> follow audience_key and membership_version.</summary>
    public static string Track(AudienceEventContext context, string eventName, string userId, string messageId, IEnumerable<NamedValue> properties)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Write(writer =>
        {
            Header(writer, "track", userId, messageId, context);
            writer.WriteString("event", eventName);
            writer.WriteStartObject("properties");
            writer.WriteString("audience_key", context.AudienceKey);
            writer.WriteNumber("membership_version", context.MembershipVersion);
            foreach (var property in properties)
            {
                writer.WritePropertyName(property.Name);
                WriteValue(writer, property.Value);
            }

            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// An identify call: the audience key as a boolean trait, then the enrichment values (traits by name, each
    /// entity's rows as an array under the entity's name). A name already written is not written again.
    /// </summary>
    public static string Identify(AudienceEventContext context, string userId, string messageId, bool isMember, string trigger, EnrichmentValues? values)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Write(writer =>
        {
            Header(writer, "identify", userId, messageId, context);
            writer.WriteStartObject("traits");
            var written = new HashSet<string>(StringComparer.Ordinal) { context.AudienceKey };
            writer.WriteBoolean(context.AudienceKey, isMember);
            foreach (var trait in values?.Traits ?? [])
            {
                if (written.Add(trait.Name))
                {
                    writer.WritePropertyName(trait.Name);
                    WriteValue(writer, trait.Value);
                }
            }

            foreach (var entity in values?.Entities ?? [])
            {
                if (!written.Add(entity.Entity))
                {
                    continue;
                }

                writer.WriteStartArray(entity.Entity);
                foreach (var row in entity.Rows)
                {
                    writer.WriteStartObject();
                    writer.WriteString("entity_key", row.Key);
                    foreach (var column in row.Columns)
                    {
                        writer.WritePropertyName(column.Name);
                        WriteValue(writer, column.Value);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("context");
            writer.WriteStartObject("linked_audiences");
            writer.WriteString("audience_key", context.AudienceKey);
            writer.WriteNumber("membership_version", context.MembershipVersion);
            writer.WriteString("trigger", trigger);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <summary>The event time as payloads carry it: UTC, milliseconds, "Z".</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Header(Utf8JsonWriter writer, string type, string userId, string messageId, AudienceEventContext context)
    {
        writer.WriteString("type", type);
        writer.WriteString("userId", userId);
        writer.WriteString("messageId", messageId);
        writer.WriteString("timestamp", FormatTimestamp(context.Timestamp));
    }

    /// <summary>A warehouse value as payloads write it (also used for enrichment added at delivery).</summary>
    internal static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case decimal d:
                // Engines widen decimals in unions (12.5 comes back as 12.5000000000): the value, not its scale, is the data.
                writer.WriteNumberValue(decimal.Parse(d.ToString("0.############################", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case TimeOnly time:
                writer.WriteStringValue(time.ToString(time.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                break;
            case DateTime timestamp:
                writer.WriteStringValue(DateTime.SpecifyKind(timestamp, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
