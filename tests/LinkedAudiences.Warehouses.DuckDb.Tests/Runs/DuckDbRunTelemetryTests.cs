using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Warehouses.Tests.Runs;

namespace LinkedAudiences.Warehouses.DuckDb.Tests.Runs;

/// <summary>
/// A real run on DuckDB under an <see cref="ActivityListener"/> and a <see cref="MeterListener"/>: a span for the run
/// and one per stage with their attributes, and the run and change counters. Other tests run at the same time, so
/// spans and measurements are kept only when they belong to this test's trace.
/// </summary>
public sealed class DuckDbRunTelemetryTests : RunTestBase, IDisposable
{
    private const string Key = "telemetry-pro";
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags, ActivityTraceId? Trace)> _measurements = new();
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();

    public DuckDbRunTelemetryTests()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("LinkedAudiences.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RunTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            _measurements.Enqueue((instrument.Name, value, copy, Activity.Current?.TraceId));
        });
        _meters.Start();
    }

    protected override IAudienceCatalog Catalog => RunWorld.Catalog;

    protected override IRunTestEngine CreateEngine() => new DuckDbRunEngine();

    protected override Task LoadAsync(IBulkLoader loader) => RunWorld.LoadAsync(loader);

    [Fact]
    public async Task Run_Succeeds_SpanPerStageAndCountersWithTheRunsAttributes()
    {
        var result = await RunAsync(RunWorld.OutstandingPro, Key, EnrichmentSpec.None);

        Assert.Equal(AudienceRunOutcome.Succeeded, result.Outcome);
        var root = Assert.Single(_spans, s => s.OperationName == "audience.run" && Equals(s.GetTagItem(RunTelemetry.RunId), result.Run!.RunId));
        Assert.Equal(Key, root.GetTagItem(RunTelemetry.Audience));
        Assert.Equal(1L, root.GetTagItem(RunTelemetry.MembershipVersion));
        Assert.Equal("succeeded", root.GetTagItem(RunTelemetry.Status));
        Assert.Equal(5L, root.GetTagItem("linked_audiences.members"));
        Assert.Equal(5L, root.GetTagItem("linked_audiences.changes.entered"));
        Assert.Equal(0L, root.GetTagItem("linked_audiences.changes.exited"));
        Assert.Equal(12L, root.GetTagItem("linked_audiences.changes.entity_entered"));
        Assert.IsType<double>(root.GetTagItem("linked_audiences.queueing_ms"));
        Assert.Equal(ActivityStatusCode.Unset, root.Status);

        var stages = _spans.Where(s => s.ParentSpanId == root.SpanId).OrderBy(s => s.StartTimeUtc).Select(s => s.OperationName).ToList();
        Assert.Equal(["audience.run.snapshot", "audience.run.diff", "audience.run.prepare", "audience.run.commit", "audience.run.publish"], stages);
        Assert.All(_spans.Where(s => s.ParentSpanId == root.SpanId), s => Assert.Equal(root.TraceId, s.TraceId));

        var mine = _measurements.Where(m => m.Trace == root.TraceId).ToList();
        var run = Assert.Single(mine, m => m.Instrument == "linked_audiences.runs");
        Assert.Equal(1, run.Value);
        Assert.Equal("succeeded", run.Tags["outcome"]);
        var changes = mine.Where(m => m.Instrument == "linked_audiences.run.changes").ToDictionary(m => (string)m.Tags["kind"]!, m => m.Value, StringComparer.Ordinal);
        Assert.Equal(new Dictionary<string, long> { ["entered"] = 5, ["entity_entered"] = 12 }, changes);
    }

    [Fact]
    public async Task Run_WarehouseFails_RunSpanAndFailingStageMarkedAndFailureCounted()
    {
        await ExecuteAsync("DROP TABLE credit_cards");

        var result = await RunAsync(RunWorld.OutstandingPro, Key, EnrichmentSpec.None);

        Assert.Equal(AudienceRunOutcome.Failed, result.Outcome);
        var root = Assert.Single(_spans, s => s.OperationName == "audience.run" && Equals(s.GetTagItem(RunTelemetry.RunId), result.Run!.RunId));
        Assert.Equal("failed", root.GetTagItem(RunTelemetry.Status));
        Assert.Equal(ActivityStatusCode.Error, root.Status);
        Assert.Equal(result.StatusReason, root.StatusDescription);
        var snapshot = Assert.Single(_spans, s => s.ParentSpanId == root.SpanId);
        Assert.Equal("audience.run.snapshot", snapshot.OperationName);
        Assert.Equal(ActivityStatusCode.Error, snapshot.Status);
        var run = Assert.Single(_measurements, m => m.Trace == root.TraceId && m.Instrument == "linked_audiences.runs");
        Assert.Equal("failed", run.Tags["outcome"]);
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }
}
