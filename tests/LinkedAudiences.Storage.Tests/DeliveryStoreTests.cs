using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Storage.Tests.Support;
using static LinkedAudiences.Storage.Tests.Support.TestRuns;

namespace LinkedAudiences.Storage.Tests;

/// <summary>Delivery records keyed by (activation, messageId) and outbox cursors, surviving a reopen.</summary>
public abstract class DeliveryStoreTests<TFixture>(TFixture fixture)
    where TFixture : StoreFixture
{
    private readonly CancellationToken _ct = CancellationToken.None;

    private IDeliveryStore Deliveries => fixture.Store.Deliveries;

    private static string NewActivationKey() => "act-" + Guid.NewGuid().ToString("N")[..10];

    private static DeliveryRecord Record(string activation, string profile, long position, DeliveryState state = DeliveryState.Pending, AudienceEventKind kind = AudienceEventKind.ProfileEntered)
    {
        var run = Run("aud", 3);
        return new DeliveryRecord
        {
            ActivationKey = activation,
            Event = Event(run, profile, kind) with { RunId = "run-1", Entity = "account", EntityKey = "42", Branch = "0.0", Timestamp = Anchor.AddTicks(1234567) },
            Position = position,
            State = state,
            NextAttemptAt = state == DeliveryState.Pending ? Anchor : null,
            LastError = state == DeliveryState.Filtered ? "not for this trigger" : null,
            UpdatedAt = Anchor,
        };
    }

    [Fact]
    public async Task Enqueue_ThenFind_ReadsBackEveryField()
    {
        var key = NewActivationKey();
        var record = Record(key, "p1", 7);

        await Deliveries.EnqueueAsync(key, [record], 7, _ct);

        Assert.Equal(record, await Deliveries.FindAsync(key, record.MessageId, _ct));
        Assert.Equal(7, await Deliveries.GetCursorAsync(key, _ct));
    }

    [Fact]
    public async Task Enqueue_SameMessageIdAgain_KeepsFirstRecordOnly()
    {
        var key = NewActivationKey();
        var record = Record(key, "p1", 1);
        await Deliveries.EnqueueAsync(key, [record], 1, _ct);
        await Deliveries.UpdateAsync([record with { State = DeliveryState.Delivered, Attempts = 1, NextAttemptAt = null }], _ct);

        await Deliveries.EnqueueAsync(key, [record, Record(key, "p2", 2)], 2, _ct);

        Assert.Equal(DeliveryState.Delivered, (await Deliveries.FindAsync(key, record.MessageId, _ct))!.State);
        Assert.Single(await Deliveries.ListDueAsync(key, Anchor, 100, _ct));
    }

    [Fact]
    public async Task Enqueue_LowerCursor_NeverMovesBack()
    {
        var key = NewActivationKey();
        await Deliveries.EnqueueAsync(key, [], 50, _ct);

        await Deliveries.EnqueueAsync(key, [], 20, _ct);

        Assert.Equal(50, await Deliveries.GetCursorAsync(key, _ct));
    }

    [Fact]
    public async Task Enqueue_ManyRecords_AllStoredInOneCall()
    {
        var key = NewActivationKey();
        var records = Enumerable.Range(1, 1200).Select(i => Record(key, "p" + i, i)).ToList();

        await Deliveries.EnqueueAsync(key, records, 1200, _ct);

        Assert.Equal(1200, (await Deliveries.ListDueAsync(key, Anchor, 5000, _ct)).Count);
    }

    [Fact]
    public async Task ListDue_OnlyPendingAndDue_InPositionOrder()
    {
        var key = NewActivationKey();
        var late = Record(key, "p1", 1) with { NextAttemptAt = Anchor.AddMinutes(5) };
        await Deliveries.EnqueueAsync(key, [late, Record(key, "p3", 3), Record(key, "p2", 2), Record(key, "p4", 4, DeliveryState.Filtered)], 4, _ct);

        var due = await Deliveries.ListDueAsync(key, Anchor, 100, _ct);

        Assert.Equal(["p2", "p3"], due.Select(r => r.Event.ProfileKey));
        Assert.Equal(Anchor, await Deliveries.NextDueAsync(key, _ct));
        Assert.Equal(["p1", "p2"], (await Deliveries.ListDueAsync(key, Anchor.AddMinutes(5), 2, _ct)).Select(r => r.Event.ProfileKey));
    }

    [Fact]
    public async Task NextDue_NothingPending_IsNull()
    {
        var key = NewActivationKey();
        await Deliveries.EnqueueAsync(key, [Record(key, "p1", 1, DeliveryState.Filtered)], 1, _ct);

        Assert.Null(await Deliveries.NextDueAsync(key, _ct));
    }

    [Fact]
    public async Task Update_RetryState_ReadsBack()
    {
        var key = NewActivationKey();
        var record = Record(key, "p1", 1);
        await Deliveries.EnqueueAsync(key, [record], 1, _ct);
        var retry = record with { Attempts = 2, NextAttemptAt = Anchor.AddSeconds(30), LastError = "HTTP 503: later", UpdatedAt = Anchor.AddSeconds(1) };

        await Deliveries.UpdateAsync([retry], _ct);

        Assert.Equal(retry, await Deliveries.FindAsync(key, record.MessageId, _ct));
    }

    [Fact]
    public async Task Update_UnknownRecord_Throws()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Deliveries.UpdateAsync([Record(NewActivationKey(), "p1", 1)], _ct));
    }

    [Fact]
    public async Task Count_GroupsByKindStateReasonAndBucket()
    {
        var key = NewActivationKey();
        var early = Record(key, "p1", 1) with { Event = Record(key, "p1", 1).Event with { Timestamp = Anchor } };
        var late = Record(key, "p2", 2) with { Event = Record(key, "p2", 2).Event with { Timestamp = Anchor.AddHours(2) } };
        var filtered = Record(key, "p3", 3, DeliveryState.Filtered, AudienceEventKind.MembershipChanged);
        await Deliveries.EnqueueAsync(key, [early, late, filtered], 3, _ct);
        await Deliveries.UpdateAsync([late with { Attempts = 1, LastError = "HTTP 500: x", UpdatedAt = Anchor.AddHours(3) }], _ct);

        var counts = await Deliveries.CountAsync(key, Anchor, Anchor.AddDays(1), TimeSpan.FromHours(1), _ct);

        Assert.Equal(
            [
                (AudienceEventKind.ProfileEntered, DeliveryState.Pending, false, (string?)null, Anchor, 1L),
                (AudienceEventKind.ProfileEntered, DeliveryState.Pending, true, "HTTP 500: x", Anchor.AddHours(2), 1L),
                (AudienceEventKind.MembershipChanged, DeliveryState.Filtered, false, "not for this trigger", Anchor, 1L),
            ],
            counts.Select(c => (c.Kind, c.State, c.Retrying, c.Reason, c.BucketStart, c.Count)).OrderBy(c => c.Kind).ThenBy(c => c.BucketStart));
        Assert.Empty(await Deliveries.CountAsync(key, Anchor.AddDays(1), Anchor.AddDays(2), TimeSpan.FromHours(1), _ct));
    }

    [Fact]
    public async Task Reopen_SameLocation_KeepsCursorAndRecords()
    {
        var key = NewActivationKey();
        var record = Record(key, "p1", 9);
        await Deliveries.EnqueueAsync(key, [record], 9, _ct);

        await using var reopened = await fixture.OpenAsync(TimeProvider.System);

        Assert.Equal(9, await reopened.Deliveries.GetCursorAsync(key, _ct));
        Assert.Equal(record, await reopened.Deliveries.FindAsync(key, record.MessageId, _ct));
    }

    [Fact]
    public async Task DeleteActivation_ForgetsCursorAndRecords()
    {
        var key = NewActivationKey();
        var record = Record(key, "p1", 1);
        await Deliveries.EnqueueAsync(key, [record], 1, _ct);

        await Deliveries.DeleteActivationAsync(key, _ct);

        Assert.Equal(0, await Deliveries.GetCursorAsync(key, _ct));
        Assert.Null(await Deliveries.FindAsync(key, record.MessageId, _ct));
    }

    [Fact]
    public async Task Enqueue_FilteredRecord_KeepsNoPayload()
    {
        var key = NewActivationKey();
        var record = Record(key, "p1", 1, DeliveryState.Filtered);

        await Deliveries.EnqueueAsync(key, [record], 1, _ct);

        Assert.Equal("", (await Deliveries.FindAsync(key, record.MessageId, _ct))!.Event.Payload);
    }
}

public sealed class SqliteDeliveryStoreTests(SqliteStoreFixture fixture)
    : DeliveryStoreTests<SqliteStoreFixture>(fixture), IClassFixture<SqliteStoreFixture>;

public sealed class PostgresDeliveryStoreTests(PostgresStoreFixture fixture)
    : DeliveryStoreTests<PostgresStoreFixture>(fixture), IClassFixture<PostgresStoreFixture>;
