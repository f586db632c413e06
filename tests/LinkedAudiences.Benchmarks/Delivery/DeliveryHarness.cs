using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using LinkedAudiences.Benchmarks.Runs;
using LinkedAudiences.Benchmarks.Warehouse;
using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Delivery.Destinations;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Templates;
using LinkedAudiences.Storage;
using LinkedAudiences.Testing.Delivery;

namespace LinkedAudiences.Benchmarks.Delivery;

/// <summary>
/// Events per second from the outbox to a loopback webhook, and the process's memory while it happens. Untimed: one run
/// of N synthetic "Audience Entered" events committed through the real <c>IRunStore.CommitRunAsync</c> into a fresh
/// SQLite state store. Timed: the real <see cref="ActivationDeliverer"/> taking them into its delivery records
/// (enqueue) and sending them in batches to <see cref="CountingReceiver"/> until nothing is due (deliver). Then every
/// messageId is checked: each of the N arrived, none twice, and the store holds N delivered records.
/// </summary>
internal static class DeliveryHarness
{
    private const string Audience = "bench-audience";

    public static async Task<int> RunAsync(DeliverySettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var inv = CultureInfo.InvariantCulture;
        Directory.CreateDirectory(settings.Folder);
        var file = Path.Combine(settings.Folder, string.Create(inv, $"delivery-{settings.Events}-{Environment.ProcessId}.sqlite"));
        DeleteStore(file);
        var time = TimeProvider.System;
        var asOf = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        try
        {
            await using var state = await StateStore.OpenAsync("sqlite:" + file, time, cancellationToken);
            var context = new AudienceEventContext(Audience, 1, "bench-run-1", asOf);
            var fill = Stopwatch.StartNew();
            var run = new RunRecord { RunId = context.RunId, AudienceKey = Audience, DefinitionVersion = 1, MembershipVersion = 1, Trigger = RunTrigger.Manual, QueuedAt = asOf, StartedAt = asOf, FinishedAt = asOf, AsOf = asOf };
            await state.Runs.CommitRunAsync(run, EventsAsync(context, settings.Events, cancellationToken), cancellationToken);
            await output.WriteLineAsync(string.Create(inv, $"[deliver] outbox filled with {settings.Events:N0} events in {fill.Elapsed.TotalSeconds:0.0} s (not timed; {new FileInfo(file).Length / 1_048_576} MB)"));

            await using var receiver = new CountingReceiver();
            using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
            var factory = new DestinationFactory(http, new TestSecrets(), time);
            var deliverer = new ActivationDeliverer(state.Runs, state.Deliveries, factory, new EventRenderer(new FluidTemplateRenderer()), time,
                new DeliveryOptions { MaxEventsPerPass = settings.EventsPerPass });
            var activation = new Activation
            {
                Key = "bench-webhook",
                AudienceKey = Audience,
                Trigger = ActivationTrigger.ProfileEntered,
                Destination = new DestinationSettings
                {
                    Kind = DestinationKind.Webhook,
                    Url = receiver.Url + "in",
                    Delivery = new DeliveryPolicy { BatchSize = settings.Batch, MaxConcurrency = settings.Concurrency },
                },
            };

            using var peaks = PeakMemory.Start();
            var total = Stopwatch.StartNew();
            var taken = await deliverer.EnqueueAsync(activation, cancellationToken);
            var enqueue = total.Elapsed;
            long delivered = 0, requests = 0, passes = 0, other = 0;
            while (true)
            {
                var pass = await deliverer.DeliverDueAsync(activation, cancellationToken);
                passes++;
                delivered += pass.Delivered;
                requests += pass.Requests;
                other += pass.Retrying + pass.Failed + pass.DeadLettered;
                if (pass.NextDueAt is null)
                {
                    break;
                }

                if (pass.Delivered + pass.Retrying + pass.Failed + pass.DeadLettered == 0)
                {
                    // Only retries remain, due later: wait for them (a healthy receiver should never get here).
                    var wait = pass.NextDueAt.Value - time.GetUtcNow();
                    await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(10), cancellationToken);
                }
            }

            var elapsed = total.Elapsed;
            var managedPeak = peaks.ManagedPeakBytes;
            var rssPeak = PeakMemory.KernelPeakBytes;
            var rssNow = PeakMemory.ResidentBytes;

            var missing = 0;
            for (var i = 0; i < settings.Events; i++)
            {
                if (!receiver.Contains(MessageIds.For(Audience, AudienceEventKind.ProfileEntered, Member(i), 1)))
                {
                    missing++;
                }
            }

            var overview = await state.Deliveries.CountAsync(activation.Key, asOf.AddDays(-1), asOf.AddDays(1), TimeSpan.FromDays(1), cancellationToken);
            var storedDelivered = overview.Where(c => c.State == DeliveryState.Delivered).Sum(c => c.Count);
            var ok = taken == settings.Events && delivered == settings.Events && other == 0 && missing == 0
                && receiver.Distinct == settings.Events && receiver.Duplicates == 0 && receiver.Unreadable == 0 && storedDelivered == settings.Events;

            await output.WriteLineAsync();
            await output.WriteLineAsync(MachineInfo.Describe("not used"));
            await output.WriteLineAsync(string.Create(inv, $"events:       {settings.Events:N0} Audience Entered (webhook, batch {settings.Batch}, concurrency {settings.Concurrency}, {settings.EventsPerPass} events per pass)"));
            await output.WriteLineAsync();
            await output.WriteLineAsync("| events | enqueue s | deliver s | total s | events/s (total) | events/s (deliver) | requests | passes | peak RSS MB | managed peak MB | RSS at end MB | received distinct | duplicates | missing |");
            await output.WriteLineAsync("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            var deliver = elapsed - enqueue;
            await output.WriteLineAsync(string.Create(inv,
                $"| {settings.Events:N0} | {enqueue.TotalSeconds:0.0} | {deliver.TotalSeconds:0.0} | {elapsed.TotalSeconds:0.0} | {settings.Events / elapsed.TotalSeconds:N0} | {settings.Events / deliver.TotalSeconds:N0} | {requests:N0} | {passes:N0} | {rssPeak / 1_048_576:N0} | {managedPeak / 1_048_576:N0} | {rssNow / 1_048_576:N0} | {receiver.Distinct:N0} | {receiver.Duplicates:N0} | {missing:N0} |"));
            await output.WriteLineAsync(string.Create(inv,
                $"check: taken {taken:N0}, delivered {delivered:N0}, not delivered {other:N0}, receiver requests {receiver.Requests:N0}, events {receiver.Events:N0}, store delivered {storedDelivered:N0}; load at end {MachineInfo.LoadAverage()}"));
            await output.WriteLineAsync(ok ? "OK: every event delivered exactly once by messageId." : "!!! NOT every event was delivered exactly once — see the check line.");
            return ok ? 0 : 1;
        }
        finally
        {
            DeleteStore(file);
        }
    }

    private static string Member(int i) => "u" + i.ToString("D7", CultureInfo.InvariantCulture);

    private static async IAsyncEnumerable<AudienceEvent> EventsAsync(AudienceEventContext context, int count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 10_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
            }

            yield return AudienceEvents.Entered(context, Member(i), Member(i));
        }
    }

    private static void DeleteStore(string file)
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            File.Delete(path);
        }
    }
}
