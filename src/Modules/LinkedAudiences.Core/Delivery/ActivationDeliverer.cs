using System.Collections.Concurrent;
using System.Diagnostics;
using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Delivery.Destinations;
using LinkedAudiences.Core.State;

namespace LinkedAudiences.Core.Delivery;

/// <summary>
/// Carries an activation's events from the outbox to its destination. <see cref="EnqueueAsync"/> tails the outbox
/// from the activation's cursor and records each event of its audience as pending or filtered (with why), moving the
/// cursor in the same transaction. <see cref="DeliverDueAsync"/> renders the due events, sends them in batches
/// (the policy's batch size, concurrency and rate), and records the outcome: delivered; retried with backoff and
/// jitter (timeouts, 408, 429, 5xx; Retry-After honoured) until the retry budget is spent, then dead-lettered; failed
/// for other 4xx and template errors. Everything is in the delivery store, so a restarted host resumes where it was;
/// an event sent but not yet recorded is sent again with the same messageId, which receivers deduplicate.
/// </summary>
public sealed class ActivationDeliverer
{
    private readonly IRunStore _runs;
    private readonly IDeliveryStore _store;
    private readonly DestinationFactory _destinations;
    private readonly EventRenderer _renderer;
    private readonly TimeProvider _time;
    private readonly DeliveryOptions _options;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _passes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateGate> _rates = new(StringComparer.Ordinal);

    public ActivationDeliverer(IRunStore runs, IDeliveryStore store, DestinationFactory destinations, EventRenderer renderer, TimeProvider time, DeliveryOptions? options = null)
    {
        _runs = runs ?? throw new ArgumentNullException(nameof(runs));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _destinations = destinations ?? throw new ArgumentNullException(nameof(destinations));
        _renderer = renderer ?? throw new ArgumentNullException(nameof(renderer));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options ?? new();
    }

    /// <summary>Takes new outbox events of the activation's audience; returns how many were recorded (pending or filtered).</summary>
    public async Task<int> EnqueueAsync(Activation activation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activation);
        var cursor = await _store.GetCursorAsync(activation.Key, cancellationToken);
        var taken = 0;
        while (true)
        {
            var page = await _runs.ReadOutboxAfterAsync(cursor, _options.OutboxPageSize, cancellationToken);
            if (page.Count == 0)
            {
                return taken;
            }

            var now = _time.GetUtcNow();
            var records = new List<DeliveryRecord>();
            foreach (var entry in page)
            {
                var e = entry.Event;
                if (!string.Equals(e.AudienceKey, activation.AudienceKey, StringComparison.Ordinal) || e.Timestamp < activation.StartsAt)
                {
                    continue;
                }

                var reason = ActivationTriggers.FilterReason(activation, e);
                records.Add(new DeliveryRecord
                {
                    ActivationKey = activation.Key,
                    Event = e,
                    Position = entry.Position,
                    State = reason is null ? DeliveryState.Pending : DeliveryState.Filtered,
                    NextAttemptAt = reason is null ? now : null,
                    LastError = reason,
                    UpdatedAt = now,
                });
            }

            cursor = page[^1].Position;
            await _store.EnqueueAsync(activation.Key, records, cursor, cancellationToken);
            foreach (var group in records.Where(r => r.State == DeliveryState.Filtered).GroupBy(r => r.Event.Kind))
            {
                DeliveryTelemetry.CountEvent(group.Key, "filtered", group.Count());
            }

            taken += records.Count;
        }
    }

    /// <summary>Sends the events due now (one pass per activation at a time) and records what came of them.</summary>
    public async Task<DeliveryPass> DeliverDueAsync(Activation activation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activation);
        var gate = _passes.GetOrAdd(activation.Key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await PassAsync(activation, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary><see cref="EnqueueAsync"/> then <see cref="DeliverDueAsync"/>.</summary>
    public async Task<DeliveryPass> RunOnceAsync(Activation activation, CancellationToken cancellationToken)
    {
        await EnqueueAsync(activation, cancellationToken);
        return await DeliverDueAsync(activation, cancellationToken);
    }

    private async Task<DeliveryPass> PassAsync(Activation activation, CancellationToken cancellationToken)
    {
        using var span = DeliveryTelemetry.Source.StartActivity("delivery.pass");
        span?.SetTag("linked_audiences.activation", activation.Key);
        span?.SetTag("linked_audiences.audience", activation.AudienceKey);
        var policy = activation.Destination.Delivery;
        var now = _time.GetUtcNow();
        var due = await _store.ListDueAsync(activation.Key, now, _options.MaxEventsPerPass, cancellationToken);
        if (policy.RatePerSecond is { } rate)
        {
            var gate = _rates.AddOrUpdate(activation.Key, _ => new RateGate(rate, _time), (_, g) => g.PerSecond == rate ? g : new RateGate(rate, _time));
            due = [.. due.Take(gate.Take(due.Count))];
        }

        var results = new List<DeliveryRecord>(due.Count);
        var sendable = new List<(DeliveryRecord Record, OutgoingEvent Event)>(due.Count);
        foreach (var record in due)
        {
            var rendered = await _renderer.RenderAsync(activation, record.Event, cancellationToken);
            if (rendered.Event is { } outgoing)
            {
                sendable.Add((record, outgoing));
            }
            else
            {
                results.Add(record with { State = DeliveryState.Failed, Attempts = record.Attempts + 1, NextAttemptAt = null, LastError = rendered.Error, UpdatedAt = now });
            }
        }

        var destination = _destinations.Create(activation.Destination);
        var batches = sendable.Chunk(policy.BatchSize).ToList();
        var exchanges = new DeliveryExchange[batches.Count];
        await Parallel.ForAsync(0, batches.Count, new ParallelOptions { MaxDegreeOfParallelism = policy.MaxConcurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            using var send = DeliveryTelemetry.Source.StartActivity("delivery.send");
            send?.SetTag("linked_audiences.destination", activation.Destination.Kind.ToString());
            send?.SetTag("linked_audiences.events", batches[i].Length);
            var exchange = await destination.SendAsync([.. batches[i].Select(s => s.Event)], ct);
            send?.SetTag("linked_audiences.outcome", DeliveryTelemetry.Outcome(exchange.Outcome));
            if (exchange.Response is { } response)
            {
                send?.SetTag("http.response.status_code", response.Status);
            }

            if (exchange.Outcome != DeliveryOutcome.Delivered)
            {
                send?.SetStatus(ActivityStatusCode.Error, exchange.Error);
            }

            DeliveryTelemetry.CountRequest(activation.Destination.Kind.ToString(), exchange.Outcome);
            exchanges[i] = exchange;
        });

        var finished = _time.GetUtcNow();
        for (var i = 0; i < batches.Count; i++)
        {
            foreach (var (record, _) in batches[i])
            {
                results.Add(Outcome(record, exchanges[i], policy, finished));
            }
        }

        await _store.UpdateAsync(results, cancellationToken);
        foreach (var group in results.GroupBy(r => (r.Event.Kind, r.State)))
        {
            DeliveryTelemetry.CountEvent(group.Key.Kind, DeliveryTelemetry.Outcome(group.Key.State), group.Count());
        }

        span?.SetTag("linked_audiences.events", results.Count);
        return new DeliveryPass
        {
            Delivered = results.Count(r => r.State == DeliveryState.Delivered),
            Retrying = results.Count(r => r.State == DeliveryState.Pending),
            Failed = results.Count(r => r.State == DeliveryState.Failed),
            DeadLettered = results.Count(r => r.State == DeliveryState.DeadLettered),
            Requests = batches.Count,
            NextDueAt = await _store.NextDueAsync(activation.Key, cancellationToken),
        };
    }

    private DeliveryRecord Outcome(DeliveryRecord record, DeliveryExchange exchange, DeliveryPolicy policy, DateTimeOffset now)
    {
        var attempts = record.Attempts + 1;
        return exchange.Outcome switch
        {
            DeliveryOutcome.Delivered => record with { State = DeliveryState.Delivered, Attempts = attempts, NextAttemptAt = null, UpdatedAt = now },
            DeliveryOutcome.Failed => record with { State = DeliveryState.Failed, Attempts = attempts, NextAttemptAt = null, LastError = exchange.Error, UpdatedAt = now },
            _ when attempts >= policy.MaxAttempts => record with
            {
                State = DeliveryState.DeadLettered,
                Attempts = attempts,
                NextAttemptAt = null,
                LastError = $"Gave up after {attempts} attempts: {exchange.Error}",
                UpdatedAt = now,
            },
            _ => record with
            {
                State = DeliveryState.Pending,
                Attempts = attempts,
                NextAttemptAt = now + RetrySchedule.Delay(policy, attempts, exchange.RetryAfter, _options.Jitter),
                LastError = exchange.Error,
                UpdatedAt = now,
            },
        };
    }
}

/// <summary>What one pass did; <see cref="NextDueAt"/> is when the next pending event is due (null: none pending).</summary>
public sealed record DeliveryPass
{
    public int Delivered { get; init; }

    public int Retrying { get; init; }

    public int Failed { get; init; }

    public int DeadLettered { get; init; }

    public int Requests { get; init; }

    public DateTimeOffset? NextDueAt { get; init; }
}
