using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LinkedAudiences.Core.Runs;

/// <summary>
/// OpenTelemetry-ready signals of audience runs, with the BCL only. Hosts export every Linked Audiences signal with
/// <c>tracing.AddSource("LinkedAudiences.*")</c> and <c>metrics.AddMeter("LinkedAudiences.Runs", "LinkedAudiences.Delivery")</c>.
/// Spans: "audience.run" per run (audience, run id, membership version, queueing, change counts, status), with one
/// child per stage: "audience.run.snapshot" (the new snapshot written in the warehouse), "audience.run.diff" (members
/// counted against the previous version), "audience.run.prepare" (changes read out and spooled as events),
/// "audience.run.commit" (events, success and version in the app store) and "audience.run.publish" (the warehouse
/// pointer moved). Metrics: runs by outcome, changes by kind.
/// </summary>
public static class RunTelemetry
{
    public const string Name = "LinkedAudiences.Runs";

    public const string Audience = "linked_audiences.audience";
    public const string RunId = "linked_audiences.run_id";
    public const string MembershipVersion = "linked_audiences.membership_version";
    public const string Status = "linked_audiences.status";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Runs = Meter.CreateCounter<long>("linked_audiences.runs", "{run}", "Audience runs by outcome (succeeded, failed, lease_held, error, cancelled).");

    private static readonly Counter<long> Changes = Meter.CreateCounter<long>(
        "linked_audiences.run.changes", "{change}", "Changes found by runs, by kind (entered, exited, entity_entered, entity_exited, values_changed).");

    internal static Activity? StartRun(string audienceKey, string runId)
    {
        var span = Source.StartActivity("audience.run");
        span?.SetTag(Audience, audienceKey);
        span?.SetTag(RunId, runId);
        return span;
    }

    /// <summary>Runs one stage under its own span; an exception marks the span as failed and goes on.</summary>
    internal static async Task<T> StageAsync<T>(string stage, Func<Task<T>> work)
    {
        using var span = Source.StartActivity("audience.run." + stage);
        try
        {
            return await work();
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
    }

    internal static Task StageAsync(string stage, Func<Task> work) => StageAsync(stage, async () =>
    {
        await work();
        return true;
    });

    internal static void Finish(Activity? span, AudienceRunResult result)
    {
        var outcome = result.Outcome switch
        {
            AudienceRunOutcome.Succeeded => "succeeded",
            AudienceRunOutcome.Failed => "failed",
            _ => "lease_held",
        };
        Count(outcome);
        if (result.Run is { } run)
        {
            var s = run.Summary;
            CountChanges("entered", s.Entered);
            CountChanges("exited", s.Exited);
            CountChanges("entity_entered", s.EntitiesEntered);
            CountChanges("entity_exited", s.EntitiesExited);
            CountChanges("values_changed", s.ValuesChanged);
            if (span is not null)
            {
                span.SetTag("linked_audiences.members", s.Members);
                span.SetTag("linked_audiences.changes.entered", s.Entered);
                span.SetTag("linked_audiences.changes.exited", s.Exited);
                span.SetTag("linked_audiences.changes.entity_entered", s.EntitiesEntered);
                span.SetTag("linked_audiences.changes.entity_exited", s.EntitiesExited);
                span.SetTag("linked_audiences.changes.values_changed", s.ValuesChanged);
                span.SetTag("linked_audiences.queueing_ms", run.Timings.Queueing.TotalMilliseconds);
                span.SetTag("linked_audiences.extracting_ms", run.Timings.Extracting.TotalMilliseconds);
                span.SetTag("linked_audiences.preparing_ms", run.Timings.Preparing.TotalMilliseconds);
            }
        }

        span?.SetTag(Status, outcome);
        if (result.Outcome == AudienceRunOutcome.Failed)
        {
            span?.SetStatus(ActivityStatusCode.Error, result.StatusReason);
        }
    }

    internal static void Abort(Activity? span, Exception e)
    {
        var outcome = e is OperationCanceledException ? "cancelled" : "error";
        Count(outcome);
        span?.SetTag(Status, outcome);
        span?.SetStatus(ActivityStatusCode.Error, e.Message);
    }

    private static void Count(string outcome)
    {
        if (Runs.Enabled)
        {
            Runs.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    private static void CountChanges(string kind, long count)
    {
        if (count > 0 && Changes.Enabled)
        {
            Changes.Add(count, new KeyValuePair<string, object?>("kind", kind));
        }
    }
}
