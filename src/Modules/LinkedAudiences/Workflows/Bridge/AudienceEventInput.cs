using System.Globalization;
using System.Text.Json.Nodes;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Workflows.Activities;

namespace LinkedAudiences.Workflows.Bridge;

/// <summary>
/// What a workflow started by the bridge sees as its Input (and, once the event ran, under
/// <see cref="AudienceEventActivity.PropertyName"/> in its Properties): identifiers, entity context, traits and
/// enrichment, the messageId and the whole payload. Plain strings and numbers at the top, JSON objects below, so Liquid
/// reads <c>{{ Workflow.Input.ProfileId }}</c> and <c>{{ Workflow.Input.Traits.email }}</c>.
/// </summary>
public static class AudienceEventInput
{
    public const string AudienceKey = nameof(AudienceKey);
    public const string MessageId = nameof(MessageId);
    public const string Kind = nameof(Kind);
    public const string RunId = nameof(RunId);
    public const string MembershipVersion = nameof(MembershipVersion);
    public const string Timestamp = nameof(Timestamp);
    public const string ProfileId = nameof(ProfileId);
    public const string MemberKey = nameof(MemberKey);
    public const string Entity = nameof(Entity);
    public const string EntityKey = nameof(EntityKey);
    public const string Branch = nameof(Branch);
    public const string ParentKey = nameof(ParentKey);
    public const string IsMember = nameof(IsMember);
    public const string Traits = nameof(Traits);
    public const string Properties = nameof(Properties);
    public const string Payload = nameof(Payload);

    /// <summary>The workflow event an outbox event fires.</summary>
    public static string ActivityName(AudienceEventKind kind) => kind switch
    {
        AudienceEventKind.ProfileEntered => nameof(ProfileEnteredAudienceEvent),
        AudienceEventKind.ProfileExited => nameof(ProfileExitedAudienceEvent),
        AudienceEventKind.EntityEntered => nameof(EntityEnteredAudienceEvent),
        AudienceEventKind.EntityExited => nameof(EntityExitedAudienceEvent),
        AudienceEventKind.MembershipChanged => nameof(AudienceMembershipChangedEvent),
        AudienceEventKind.ValuesChanged => nameof(AudienceValuesChangedEvent),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown audience event kind."),
    };

    public static Dictionary<string, object> For(AudienceEvent audienceEvent)
    {
        ArgumentNullException.ThrowIfNull(audienceEvent);
        var payload = JsonNode.Parse(audienceEvent.Payload) as JsonObject ?? [];
        var properties = payload["properties"] as JsonObject;
        var traits = payload["traits"] as JsonObject;
        var input = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [AudienceKey] = audienceEvent.AudienceKey,
            [MessageId] = audienceEvent.MessageId,
            [Kind] = audienceEvent.Kind.ToString(),
            [RunId] = audienceEvent.RunId,
            [MembershipVersion] = audienceEvent.MembershipVersion,
            [Timestamp] = EventPayloads.FormatTimestamp(audienceEvent.Timestamp),
            [ProfileId] = audienceEvent.ProfileKey,
            [Traits] = traits?.DeepClone() ?? new JsonObject(),
            [Properties] = properties?.DeepClone() ?? new JsonObject(),
            [Payload] = payload,
        };
        Add(input, Entity, audienceEvent.Entity);
        Add(input, EntityKey, audienceEvent.EntityKey);
        Add(input, Branch, audienceEvent.Branch);
        Add(input, ParentKey, (string?)properties?["parent_key"]);
        Add(input, MemberKey, (string?)properties?["member_key"] ?? (audienceEvent.Kind is AudienceEventKind.EntityEntered or AudienceEventKind.EntityExited ? audienceEvent.ProfileKey : audienceEvent.EntityKey ?? audienceEvent.ProfileKey));
        if (traits?[audienceEvent.AudienceKey] is JsonValue member && member.TryGetValue<bool>(out var isMember))
        {
            input[IsMember] = isMember;
        }
        else if (audienceEvent.Kind is AudienceEventKind.ProfileEntered or AudienceEventKind.ProfileExited)
        {
            input[IsMember] = audienceEvent.Kind == AudienceEventKind.ProfileEntered;
        }

        return input;
    }

    /// <summary>Audience run completed / failed: the run, its change summary and what the bridge did with its events.</summary>
    public static Dictionary<string, object> For(RunRecord run, BridgedRun? bridged)
    {
        ArgumentNullException.ThrowIfNull(run);
        var input = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [AudienceKey] = run.AudienceKey,
            [RunId] = run.RunId,
            ["Status"] = run.Status.ToString(),
            ["Trigger"] = run.Trigger.ToString(),
            [MembershipVersion] = run.MembershipVersion,
            ["DefinitionVersion"] = run.DefinitionVersion,
            ["Members"] = run.Summary.Members,
            ["Entered"] = run.Summary.Entered,
            ["Exited"] = run.Summary.Exited,
            ["EntitiesEntered"] = run.Summary.EntitiesEntered,
            ["EntitiesExited"] = run.Summary.EntitiesExited,
            ["ValuesChanged"] = run.Summary.ValuesChanged,
            ["EventsFired"] = bridged?.Fired ?? 0,
            ["WorkflowsStarted"] = bridged?.Started ?? 0,
            ["EventsSkipped"] = bridged?.Skipped ?? 0,
            ["LimitReached"] = bridged?.Skipped > 0,
            [Timestamp] = EventPayloads.FormatTimestamp(run.FinishedAt ?? run.QueuedAt),
            ["AsOf"] = run.AsOf.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        };
        Add(input, "Error", run.Error);
        return input;
    }

    private static void Add(Dictionary<string, object> input, string name, string? value)
    {
        if (value is not null)
        {
            input[name] = value;
        }
    }
}
