using LinkedAudiences.Core.Runs;
using LinkedAudiences.Storage.Tests.Support;
using static LinkedAudiences.Storage.Tests.Support.TestRuns;

namespace LinkedAudiences.Storage.Tests;

/// <summary>Run records, history retention, unfinished runs and committed versions.</summary>
public abstract class RunStoreTests<TFixture>(TFixture fixture)
    where TFixture : StoreFixture
{
    private readonly CancellationToken _ct = CancellationToken.None;

    private Core.State.IRunStore Runs => fixture.Store.Runs;

    [Fact]
    public async Task GetCommittedVersion_NeverRan_IsZero()
    {
        Assert.Equal(0, await Runs.GetCommittedVersionAsync(NewAudienceKey(), _ct));
    }

    [Fact]
    public async Task CreateRun_ThenFind_ReadsBackEveryField()
    {
        var run = Run(NewAudienceKey(), 7) with
        {
            DefinitionVersion = 3,
            Trigger = RunTrigger.Schedule,
            QueuedAt = Anchor.AddTicks(1_234_567),
            StartedAt = null,
            AsOf = Anchor.AddMinutes(-5),
            Status = RunStatus.Queued,
            Summary = new ChangeSummary(100, 10, 5, 3, 2, 1),
            Timings = new StageTimings(TimeSpan.FromMilliseconds(12.5), TimeSpan.FromSeconds(3), TimeSpan.FromTicks(17)),
        };

        await Runs.CreateRunAsync(run, _ct);

        // Timestamps keep microseconds (PostgreSQL's resolution) on both engines; durations are exact.
        Assert.Equal(run with { QueuedAt = Anchor.AddTicks(1_234_560) }, await Runs.FindRunAsync(run.RunId, _ct));
    }

    [Fact]
    public async Task FindRun_Unknown_IsNull()
    {
        Assert.Null(await Runs.FindRunAsync("run-unknown", _ct));
    }

    [Fact]
    public async Task CreateRun_ExistingId_ThrowsInvalidOperation()
    {
        var run = Run(NewAudienceKey(), 1);
        await Runs.CreateRunAsync(run, _ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Runs.CreateRunAsync(run, _ct));

        Assert.Contains(run.RunId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateRun_Failed_SavesErrorAndTimes()
    {
        var run = Run(NewAudienceKey(), 1, status: RunStatus.Queued);
        await Runs.CreateRunAsync(run, _ct);
        var failed = run with { Status = RunStatus.Failed, FinishedAt = Anchor.AddMinutes(2), Error = "relation \"profiles\" does not exist" };

        await Runs.UpdateRunAsync(failed, _ct);

        var read = await Runs.FindRunAsync(run.RunId, _ct);
        Assert.Equal(failed, read);
        Assert.Equal(TimeSpan.FromSeconds(119), read!.Duration);
    }

    [Fact]
    public async Task UpdateRun_ToSucceeded_ThrowsArgumentNamingCommit()
    {
        var run = Run(NewAudienceKey(), 1);
        await Runs.CreateRunAsync(run, _ct);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Runs.UpdateRunAsync(run with { Status = RunStatus.Succeeded }, _ct));

        Assert.Contains("CommitRunAsync", error.Message, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Running, (await Runs.FindRunAsync(run.RunId, _ct))!.Status);
    }

    [Fact]
    public async Task UpdateRun_Unknown_ThrowsKeyNotFound()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Runs.UpdateRunAsync(Run(NewAudienceKey(), 1), _ct));
    }

    [Fact]
    public async Task UpdateRun_Committed_ThrowsAndKeepsTheRecord()
    {
        var run = Run(NewAudienceKey(), 1);
        await Runs.CreateRunAsync(run, _ct);
        await Runs.CommitRunAsync(run, Stream(), _ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Runs.UpdateRunAsync(run with { Status = RunStatus.Failed, Error = "late" }, _ct));

        var read = await Runs.FindRunAsync(run.RunId, _ct);
        Assert.Equal(RunStatus.Succeeded, read!.Status);
        Assert.Null(read.Error);
    }

    [Fact]
    public async Task CommitRun_Run_SavesSummaryTimingsAndVersion()
    {
        var run = Run(NewAudienceKey(), 1);
        await Runs.CreateRunAsync(run, _ct);
        var done = run with
        {
            FinishedAt = Anchor.AddSeconds(30),
            Summary = new ChangeSummary(2, 2, 0, 0, 0, 0),
            Timings = new StageTimings(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(8)),
        };

        await Runs.CommitRunAsync(done, Stream(Event(run, "p1"), Event(run, "p2")), _ct);

        Assert.Equal(done with { Status = RunStatus.Succeeded }, await Runs.FindRunAsync(run.RunId, _ct));
        Assert.Equal(1, await Runs.GetCommittedVersionAsync(run.AudienceKey, _ct));
    }

    [Fact]
    public async Task CommitRun_NotCreatedBefore_RecordsTheRun()
    {
        var run = Run(NewAudienceKey(), 1);

        await Runs.CommitRunAsync(run, Stream(Event(run, "p1")), _ct);

        Assert.Equal(RunStatus.Succeeded, (await Runs.FindRunAsync(run.RunId, _ct))!.Status);
    }

    [Fact]
    public async Task ListRuns_SeveralRuns_NewestFirstUpToTheLimit()
    {
        var key = NewAudienceKey();
        var runs = Enumerable.Range(1, 5).Select(i => Run(key, i, Anchor.AddHours(i))).ToList();
        foreach (var run in runs.AsEnumerable().Reverse())
        {
            await Runs.CreateRunAsync(run, _ct);
        }

        var listed = await Runs.ListRunsAsync(key, 3, _ct);

        Assert.Equal([runs[4].RunId, runs[3].RunId, runs[2].RunId], listed.Select(r => r.RunId));
    }

    [Fact]
    public async Task CommitRun_MoreThanFiftyRuns_KeepsTheNewestFifty()
    {
        var key = NewAudienceKey();
        var runs = Enumerable.Range(1, 55).Select(i => Run(key, i, Anchor.AddMinutes(i))).ToList();
        // An old run left unfinished (its host died) is kept: it still has to be re-run.
        var unfinished = Run(key, 1, Anchor, RunStatus.Queued);
        await Runs.CreateRunAsync(unfinished, _ct);

        foreach (var run in runs)
        {
            await Runs.CreateRunAsync(run, _ct);
            await Runs.CommitRunAsync(run, Stream(Event(run, "p1")), _ct);
        }

        var listed = await Runs.ListRunsAsync(key, 100, _ct);
        Assert.Equal(runs.Skip(5).Reverse().Select(r => r.RunId).Append(unfinished.RunId), listed.Select(r => r.RunId));
        Assert.Null(await Runs.FindRunAsync(runs[4].RunId, _ct));
        Assert.Equal(55, await Runs.GetCommittedVersionAsync(key, _ct));
    }

    [Fact]
    public async Task UpdateRun_FailedRunsBeyondFifty_ArePrunedToo()
    {
        var key = NewAudienceKey();
        var runs = Enumerable.Range(1, 52).Select(i => Run(key, 1, Anchor.AddMinutes(i))).ToList();
        foreach (var run in runs)
        {
            await Runs.CreateRunAsync(run, _ct);
            await Runs.UpdateRunAsync(run with { Status = RunStatus.Failed, Error = "timeout" }, _ct);
        }

        var listed = await Runs.ListRunsAsync(key, 100, _ct);
        Assert.Equal(StateStore.RunsKeptPerAudience, listed.Count);
        Assert.Equal(runs[^1].RunId, listed[0].RunId);
        Assert.Equal(runs[2].RunId, listed[^1].RunId);
    }

    [Fact]
    public async Task ListUnfinishedRuns_MixedStatuses_ListsQueuedAndRunningOldestFirst()
    {
        var key = NewAudienceKey();
        var running = Run(key, 1, Anchor.AddMinutes(1), RunStatus.Running);
        var queued = Run(key, 1, Anchor.AddMinutes(2), RunStatus.Queued);
        var failed = Run(key, 1, Anchor, RunStatus.Queued);
        var committed = Run(key, 1, Anchor, RunStatus.Running);
        foreach (var run in new[] { queued, running, failed, committed })
        {
            await Runs.CreateRunAsync(run, _ct);
        }

        await Runs.UpdateRunAsync(failed with { Status = RunStatus.Failed }, _ct);
        await Runs.CommitRunAsync(committed, Stream(), _ct);

        var unfinished = (await Runs.ListUnfinishedRunsAsync(_ct)).Where(r => r.AudienceKey == key);

        Assert.Equal([running.RunId, queued.RunId], unfinished.Select(r => r.RunId));
    }

    [Fact]
    public async Task DeleteAudience_WithRunsAndEvents_ForgetsRunsOutboxAndVersion()
    {
        var key = NewAudienceKey();
        var other = Run(NewAudienceKey(), 1);
        var run = Run(key, 1);
        await Runs.CommitRunAsync(run, Stream(Event(run, "p1")), _ct);
        await Runs.CommitRunAsync(other, Stream(Event(other, "p1")), _ct);

        await Runs.DeleteAudienceAsync(key, _ct);

        Assert.Empty(await Runs.ListRunsAsync(key, 50, _ct));
        Assert.Empty(await Runs.ReadOutboxAsync(run.RunId, _ct).ToListAsync());
        Assert.Equal(0, await Runs.GetCommittedVersionAsync(key, _ct));
        Assert.Single(await Runs.ReadOutboxAsync(other.RunId, _ct).ToListAsync());
        Assert.Equal(1, await Runs.GetCommittedVersionAsync(other.AudienceKey, _ct));
    }
}

public sealed class SqliteRunStoreTests(SqliteStoreFixture fixture) : RunStoreTests<SqliteStoreFixture>(fixture), IClassFixture<SqliteStoreFixture>;

public sealed class PostgresRunStoreTests(PostgresStoreFixture fixture) : RunStoreTests<PostgresStoreFixture>(fixture), IClassFixture<PostgresStoreFixture>;
