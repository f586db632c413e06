using System.Globalization;
using System.Runtime.CompilerServices;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;

namespace LinkedAudiences.Storage.Tests.Support;

/// <summary>Runs and their events as a run would produce them, and event streams that fail on purpose.</summary>
internal static class TestRuns
{
    public static readonly DateTimeOffset Anchor = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static string NewAudienceKey() => "aud-" + Guid.NewGuid().ToString("N")[..10];

    public static RunRecord Run(string audienceKey, long membershipVersion, DateTimeOffset? queuedAt = null, RunStatus status = RunStatus.Running) => new()
    {
        RunId = "run-" + Guid.NewGuid().ToString("N"),
        AudienceKey = audienceKey,
        DefinitionVersion = 1,
        MembershipVersion = membershipVersion,
        Trigger = RunTrigger.Manual,
        QueuedAt = queuedAt ?? Anchor,
        StartedAt = (queuedAt ?? Anchor).AddSeconds(1),
        AsOf = queuedAt ?? Anchor,
        Status = status,
    };

    public static AudienceEvent Event(RunRecord run, string profileKey, AudienceEventKind kind = AudienceEventKind.ProfileEntered) => new()
    {
        MessageId = MessageIds.For(run.AudienceKey, kind, profileKey, run.MembershipVersion),
        Kind = kind,
        AudienceKey = run.AudienceKey,
        MembershipVersion = run.MembershipVersion,
        RunId = run.RunId,
        Timestamp = run.AsOf,
        ProfileKey = profileKey,
        Payload = $$$"""{"type":"track","event":"Audience Entered","userId":"{{{profileKey}}}","properties":{"audience_key":"{{{run.AudienceKey}}}"}}""",
    };

    public static AudienceEvent EntityEvent(RunRecord run, string profileKey, string entityKey) => Event(run, profileKey, AudienceEventKind.EntityEntered) with
    {
        MessageId = MessageIds.For(run.AudienceKey, AudienceEventKind.EntityEntered, MessageIds.EntitySubject(profileKey, "0.0", "account", entityKey), run.MembershipVersion),
        Entity = "account",
        EntityKey = entityKey,
        Branch = "0.0",
    };

    /// <summary>Events for profiles p{from}..p{from+count-1}, made one at a time as they are pulled.</summary>
    public static async IAsyncEnumerable<AudienceEvent> Entered(RunRecord run, int from, int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = from; i < from + count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Event(run, "p" + i.ToString("D7", CultureInfo.InvariantCulture));
        }

        await Task.CompletedTask;
    }

    public static async IAsyncEnumerable<AudienceEvent> Stream(params AudienceEvent[] events)
    {
        foreach (var e in events)
        {
            yield return e;
        }

        await Task.CompletedTask;
    }

    /// <summary>Yields <paramref name="count"/> events, then fails as a warehouse connection dropping mid-read would.</summary>
    public static async IAsyncEnumerable<AudienceEvent> FailingAfter(RunRecord run, int count)
    {
        await foreach (var e in Entered(run, 0, count))
        {
            yield return e;
        }

        throw new IOException("The warehouse connection dropped.");
    }
}
