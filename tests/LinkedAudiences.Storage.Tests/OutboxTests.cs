using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Storage.Tests.Support;
using LinkedAudiences.Testing;
using Xunit.Abstractions;
using static LinkedAudiences.Storage.Tests.Support.TestRuns;

namespace LinkedAudiences.Storage.Tests;

/// <summary>CommitRunAsync: all or nothing, exactly once per messageId, in order, streaming.</summary>
public abstract class OutboxTests<TFixture>(TFixture fixture, ITestOutputHelper output)
    where TFixture : StoreFixture
{
    private readonly CancellationToken _ct = CancellationToken.None;

    private Core.State.IRunStore Runs => fixture.Store.Runs;

    [Fact]
    public async Task CommitRun_Events_ReadBackInStreamOrderWithEveryField()
    {
        var run = Run(NewAudienceKey(), 1);
        AudienceEvent[] events = [Event(run, "p2"), EntityEvent(run, "p2", "42"), Event(run, "p1", AudienceEventKind.MembershipChanged)];

        await Runs.CommitRunAsync(run, Stream(events), _ct);

        var entries = await Runs.ReadOutboxAsync(run.RunId, _ct).ToListAsync();
        Assert.Equal(events, entries.Select(e => e.Event));
        Assert.True(entries[0].Position < entries[1].Position && entries[1].Position < entries[2].Position);
    }

    [Fact]
    public async Task CommitRun_StreamFailsMidway_LeavesNoEventsRunUnfinishedVersionUnchanged()
    {
        var key = NewAudienceKey();
        var first = Run(key, 1);
        await Runs.CommitRunAsync(first, Stream(Event(first, "p0")), _ct);
        var second = Run(key, 2);
        await Runs.CreateRunAsync(second, _ct);
        var before = await LastPositionAsync();

        var error = await Assert.ThrowsAsync<IOException>(() => Runs.CommitRunAsync(second, FailingAfter(second, 1_500), _ct));

        Assert.Equal("The warehouse connection dropped.", error.Message);
        Assert.Empty(await Runs.ReadOutboxAsync(second.RunId, _ct).ToListAsync());
        Assert.DoesNotContain(await Runs.ReadOutboxAfterAsync(before, 10_000, _ct), e => e.Event.RunId == second.RunId);
        Assert.Equal(RunStatus.Running, (await Runs.FindRunAsync(second.RunId, _ct))!.Status);
        Assert.Equal(1, await Runs.GetCommittedVersionAsync(key, _ct));
    }

    [Fact]
    public async Task CommitRun_AfterAFailedAttempt_CommitsEveryEventOnce()
    {
        var run = Run(NewAudienceKey(), 1);
        await Runs.CreateRunAsync(run, _ct);
        await Assert.ThrowsAsync<IOException>(() => Runs.CommitRunAsync(run, FailingAfter(run, 250), _ct));

        await Runs.CommitRunAsync(run, Entered(run, 0, 300), _ct);

        var entries = await Runs.ReadOutboxAsync(run.RunId, _ct).ToListAsync();
        Assert.Equal(300, entries.Select(e => e.Event.MessageId).Distinct().Count());
        Assert.Equal(1, await Runs.GetCommittedVersionAsync(run.AudienceKey, _ct));
    }

    [Fact]
    public async Task CommitRun_MessageIdsAlreadyInTheOutbox_AreSkipped()
    {
        var key = NewAudienceKey();
        var crashed = Run(key, 1);
        var rerun = Run(key, 1);
        // A first attempt committed p0..p2; the re-run of the same version yields the same ids and one more.
        await Runs.CommitRunAsync(crashed, Entered(crashed, 0, 3), _ct);

        await Runs.CommitRunAsync(rerun, Entered(rerun, 0, 4), _ct);

        var again = await Runs.ReadOutboxAsync(rerun.RunId, _ct).ToListAsync();
        Assert.Equal(["p0000003"], again.Select(e => e.Event.ProfileKey));
        Assert.Equal(3, (await Runs.ReadOutboxAsync(crashed.RunId, _ct).ToListAsync()).Count);
    }

    [Fact]
    public async Task CommitRun_RepeatedMessageIdInOneStream_KeepsTheFirst()
    {
        var run = Run(NewAudienceKey(), 1);
        var first = Event(run, "p1");

        await Runs.CommitRunAsync(run, Stream(first, Event(run, "p2"), first with { Payload = "{}" }), _ct);

        var entries = await Runs.ReadOutboxAsync(run.RunId, _ct).ToListAsync();
        Assert.Equal([first, Event(run, "p2")], entries.Select(e => e.Event));
    }

    [Fact]
    public async Task CommitRun_SameRunTwice_ChangesNothing()
    {
        var run = Run(NewAudienceKey(), 1);
        await Runs.CommitRunAsync(run, Entered(run, 0, 5), _ct);
        var entries = await Runs.ReadOutboxAsync(run.RunId, _ct).ToListAsync();

        await Runs.CommitRunAsync(run, Entered(run, 0, 5), _ct);

        Assert.Equal(entries, await Runs.ReadOutboxAsync(run.RunId, _ct).ToListAsync());
        Assert.Equal(1, await Runs.GetCommittedVersionAsync(run.AudienceKey, _ct));
    }

    [Fact]
    public async Task CommitRun_OlderThanTheCommittedVersion_ThrowsAndCommitsNothing()
    {
        var key = NewAudienceKey();
        var newer = Run(key, 2);
        await Runs.CommitRunAsync(newer, Stream(Event(newer, "p1")), _ct);
        var stale = Run(key, 1);
        await Runs.CreateRunAsync(stale, _ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Runs.CommitRunAsync(stale, Stream(Event(stale, "p2")), _ct));

        Assert.Contains("older than the committed one", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, await Runs.GetCommittedVersionAsync(key, _ct));
        Assert.Empty(await Runs.ReadOutboxAsync(stale.RunId, _ct).ToListAsync());
        Assert.Equal(RunStatus.Running, (await Runs.FindRunAsync(stale.RunId, _ct))!.Status);
    }

    [Fact]
    public async Task CommitRun_EventOfAnotherRun_ThrowsAndCommitsNothing()
    {
        var run = Run(NewAudienceKey(), 1);
        var stranger = Event(run, "p2") with { MembershipVersion = 2 };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Runs.CommitRunAsync(run, Stream(Event(run, "p1"), stranger), _ct));

        Assert.Contains(stranger.MessageId, error.Message, StringComparison.Ordinal);
        Assert.Empty(await Runs.ReadOutboxAsync(run.RunId, _ct).ToListAsync());
        Assert.Equal(0, await Runs.GetCommittedVersionAsync(run.AudienceKey, _ct));
    }

    [Fact]
    public async Task ReadOutboxAfter_SeveralCommits_PagesThroughEveryEntryInCommitOrder()
    {
        var start = await LastPositionAsync();
        var key = NewAudienceKey();
        var runs = new[] { Run(key, 1), Run(NewAudienceKey(), 1), Run(key, 2) };
        var expected = new List<string>();
        foreach (var run in runs)
        {
            var events = await Entered(run, expected.Count, 4).ToListAsync();
            expected.AddRange(events.Select(e => e.MessageId));
            await Runs.CommitRunAsync(run, Stream([.. events]), _ct);
        }

        var paged = new List<Core.State.OutboxEntry>();
        var position = start;
        while (true)
        {
            var page = await Runs.ReadOutboxAfterAsync(position, 5, _ct);
            paged.AddRange(page.Where(e => runs.Any(r => r.RunId == e.Event.RunId)));
            if (page.Count == 0)
            {
                break;
            }

            Assert.True(page.Count <= 5);
            position = page[^1].Position;
        }

        Assert.Equal(expected, paged.Select(e => e.Event.MessageId));
        Assert.True(paged.Zip(paged.Skip(1)).All(p => p.First.Position < p.Second.Position));
    }

    [Fact]
    public async Task CommitRun_TwoInstancesAtOnce_EachRunGetsOneUnbrokenRangeOfPositions()
    {
        await using var other = await fixture.OpenAsync(TimeProvider.System);
        var runs = new[] { Run(NewAudienceKey(), 1), Run(NewAudienceKey(), 1) };

        await Task.WhenAll(
            Task.Run(() => Runs.CommitRunAsync(runs[0], Entered(runs[0], 0, 3_000), _ct)),
            Task.Run(() => other.Runs.CommitRunAsync(runs[1], Entered(runs[1], 0, 3_000), _ct)));

        var ranges = new List<(long First, long Last)>();
        foreach (var run in runs)
        {
            var positions = (await Runs.ReadOutboxAsync(run.RunId, _ct).ToListAsync()).Select(e => e.Position).ToList();
            Assert.Equal(3_000, positions.Count);
            ranges.Add((positions[0], positions[^1]));
        }

        // Outbox writers take turns, so positions follow commit order and never interleave.
        Assert.True(ranges[0].Last < ranges[1].First || ranges[1].Last < ranges[0].First, $"{ranges[0]} and {ranges[1]} overlap");
    }

    [Fact]
    public async Task CommitRun_StreamThatWritesToTheStore_DoesNotWaitForItself()
    {
        var run = Run(NewAudienceKey(), 1);
        var lease = "audience-run:" + run.AudienceKey;
        Assert.True(await fixture.Store.Leases.TryAcquireAsync(lease, "host-a", TimeSpan.FromMinutes(1), _ct));

        // A runner renewing its lease while the warehouse stream lasts: the stream is consumed before the write lock.
        async IAsyncEnumerable<AudienceEvent> RenewingWhileStreaming()
        {
            await foreach (var e in Entered(run, 0, 10))
            {
                Assert.True(await fixture.Store.Leases.RenewAsync(lease, "host-a", TimeSpan.FromMinutes(1), _ct));
                yield return e;
            }
        }

        var commit = Runs.CommitRunAsync(run, RenewingWhileStreaming(), _ct);

        Assert.Same(commit, await Task.WhenAny(commit, Task.Delay(TimeSpan.FromSeconds(60))));
        await commit;
        Assert.Equal(10, (await Runs.ReadOutboxAsync(run.RunId, _ct).ToListAsync()).Count);
    }

    [Fact]
    public async Task CommitRun_AHundredThousandEvents_StreamsThemWithoutHoldingThemAll()
    {
        var count = int.Parse(Environment.GetEnvironmentVariable("LA_STORAGE_EVENTS") ?? "100000", CultureInfo.InvariantCulture);
        var run = Run(NewAudienceKey(), 1);
        var memory = new MemoryProbe(count);

        var stopwatch = Stopwatch.StartNew();
        await Runs.CommitRunAsync(run, memory.Watch(Entered(run, 0, count)), _ct);
        stopwatch.Stop();

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"[bench] state store {fixture.Engine}: committed {count:N0} events in {stopwatch.Elapsed.TotalSeconds:F2} s ({count / stopwatch.Elapsed.TotalSeconds:N0}/s), managed heap grew {memory.GrowthBytes / 1024.0 / 1024.0:F1} MB while streaming");
        output.WriteLine(summary);
        TestSummaries.Write(summary);
        Assert.Equal(count, (await Runs.ReadOutboxAsync(run.RunId, _ct).ToListAsync()).Count);
        // All events held at once would be ~500 bytes each (≈ 48 MB for 100k).
        Assert.True(memory.GrowthBytes < 16 * 1024 * 1024, summary);
    }

    private async Task<long> LastPositionAsync()
    {
        var position = 0L;
        while (await Runs.ReadOutboxAfterAsync(position, 10_000, _ct) is { Count: > 0 } page)
        {
            position = page[^1].Position;
        }

        return position;
    }

    /// <summary>Measures the managed heap between a tenth and nine tenths of the stream: streaming keeps it flat.</summary>
    private sealed class MemoryProbe(int count)
    {
        private long _early;

        public long GrowthBytes { get; private set; }

        public async IAsyncEnumerable<AudienceEvent> Watch(IAsyncEnumerable<AudienceEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var i = 0;
            await foreach (var e in events.WithCancellation(cancellationToken))
            {
                if (i == count / 10)
                {
                    _early = GC.GetTotalMemory(forceFullCollection: true);
                }
                else if (i == count * 9 / 10)
                {
                    GrowthBytes = GC.GetTotalMemory(forceFullCollection: true) - _early;
                }

                i++;
                yield return e;
            }
        }
    }
}

/// <summary>The heap measurement is of the whole process: these classes run alone, not beside other test classes.</summary>
[CollectionDefinition(nameof(OutboxMemoryMeasurements), DisableParallelization = true)]
public sealed class OutboxMemoryMeasurements;

[Collection(nameof(OutboxMemoryMeasurements))]
public sealed class SqliteOutboxTests(SqliteStoreFixture fixture, ITestOutputHelper output)
    : OutboxTests<SqliteStoreFixture>(fixture, output), IClassFixture<SqliteStoreFixture>;

[Collection(nameof(OutboxMemoryMeasurements))]
public sealed class PostgresOutboxTests(PostgresStoreFixture fixture, ITestOutputHelper output)
    : OutboxTests<PostgresStoreFixture>(fixture, output), IClassFixture<PostgresStoreFixture>;
