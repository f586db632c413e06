using LinkedAudiences.Core.Events;

namespace LinkedAudiences.Warehouses.Tests.Runs;

/// <summary>
/// The events a test expects, by messageId, each with a readable description; actual events are described the same
/// way, so a failing comparison shows which change is missing or extra.
/// </summary>
internal sealed class ExpectedEvents(string audienceKey, long version)
{
    private readonly Dictionary<string, string> _byId = new(StringComparer.Ordinal);

    public ExpectedEvents Entered(params string[] members)
    {
        foreach (var m in members)
        {
            Add(AudienceEventKind.MembershipChanged, m, $"membership {m} true");
            Add(AudienceEventKind.ProfileEntered, m, $"entered {m}");
        }

        return this;
    }

    /// <summary>Entity-target members: entered without a membership identify.</summary>
    public ExpectedEvents EnteredOnly(params string[] members)
    {
        foreach (var m in members)
        {
            Add(AudienceEventKind.ProfileEntered, m, $"entered {m}");
        }

        return this;
    }

    public ExpectedEvents Exited(params string[] members)
    {
        foreach (var m in members)
        {
            Add(AudienceEventKind.MembershipChanged, m, $"membership {m} false");
            Add(AudienceEventKind.ProfileExited, m, $"exited {m}");
        }

        return this;
    }

    public ExpectedEvents ExitedOnly(params string[] members)
    {
        foreach (var m in members)
        {
            Add(AudienceEventKind.ProfileExited, m, $"exited {m}");
        }

        return this;
    }

    public ExpectedEvents EntityEntered(string member, string branch, string entity, string key) =>
        Add(AudienceEventKind.EntityEntered, MessageIds.EntitySubject(member, branch, entity, key), $"entity entered {member} {branch} {entity} {key}");

    public ExpectedEvents EntityExited(string member, string branch, string entity, string key) =>
        Add(AudienceEventKind.EntityExited, MessageIds.EntitySubject(member, branch, entity, key), $"entity exited {member} {branch} {entity} {key}");

    public ExpectedEvents ValuesChanged(params string[] members)
    {
        foreach (var m in members)
        {
            Add(AudienceEventKind.ValuesChanged, m, $"values changed {m}");
        }

        return this;
    }

    public IReadOnlyList<string> Descriptions => [.. _byId.Values.Order(StringComparer.Ordinal)];

    /// <summary>The actual events described as expected ones; unknown ids are described from the event itself.</summary>
    public IReadOnlyList<string> Describe(IEnumerable<AudienceEvent> events) =>
        [.. events.Select(e => _byId.TryGetValue(e.MessageId, out var d) ? d : $"UNEXPECTED {e.Kind} {e.ProfileKey} {e.Branch} {e.Entity} {e.EntityKey} {e.MessageId}").Order(StringComparer.Ordinal)];

    public string IdOf(AudienceEventKind kind, string subject) => MessageIds.For(audienceKey, kind, subject, version);

    private ExpectedEvents Add(AudienceEventKind kind, string subject, string description)
    {
        _byId.Add(IdOf(kind, subject), description);
        return this;
    }
}
