using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Delivery.Destinations;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Templates;
using LinkedAudiences.Testing.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace LinkedAudiences.Core.Tests.Delivery;

/// <summary>An outbox of hand-made events, a loopback receiver, an in-memory delivery store and a fake clock.</summary>
internal sealed class DeliveryWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public DeliveryWorld()
    {
        Deliverer = new ActivationDeliverer(Outbox, Store, Factory, Renderer, Clock, new DeliveryOptions { Jitter = new Random(7) });
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public OutboxStub Outbox { get; } = new();

    public InMemoryDeliveryStore Store { get; } = new();

    public LoopbackReceiver Receiver { get; } = new();

    public TestSecrets Secrets { get; } = new();

    public HttpClient Http { get; } = new();

    public DestinationFactory Factory => new(Http, Secrets, Clock);

    public EventRenderer Renderer { get; } = new(new FluidTemplateRenderer());

    public ActivationDeliverer Deliverer { get; }

    public Activation Webhook(ActivationTrigger trigger = ActivationTrigger.ProfileEntered, DeliveryPolicy? policy = null, string? entity = null) => new()
    {
        Key = "act",
        AudienceKey = "aud",
        Trigger = trigger,
        TriggerEntity = entity,
        Destination = new DestinationSettings
        {
            Kind = DestinationKind.Webhook,
            Url = Receiver.BaseUrl + "hook",
            ProtectedSecret = Secrets.Protect("s3cret"),
            Headers = new Dictionary<string, string> { ["X-Team"] = "growth" },
            Delivery = policy ?? new DeliveryPolicy { BatchSize = 10, Timeout = TimeSpan.FromSeconds(20) },
        },
    };

    /// <summary>Entered events for u1..uN (plus their identify twins, which an entered trigger filters).</summary>
    public List<AudienceEvent> AddEntered(int count, long version = 1)
    {
        var context = new AudienceEventContext("aud", version, "run-" + version, Start);
        var events = new List<AudienceEvent>();
        for (var i = 1; i <= count; i++)
        {
            var member = "u" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            Outbox.Add(AudienceEvents.MembershipChanged(context, member, member, isMember: true));
            var entered = AudienceEvents.Entered(context, member, member);
            Outbox.Add(entered);
            events.Add(entered);
        }

        return events;
    }

    /// <summary>Passes until nothing is pending, moving the clock to each next due time; returns the number of passes.</summary>
    public async Task<int> DrainAsync(Activation activation, int maxPasses = 200)
    {
        await Deliverer.EnqueueAsync(activation, CancellationToken.None);
        for (var pass = 1; pass <= maxPasses; pass++)
        {
            var result = await Deliverer.DeliverDueAsync(activation, CancellationToken.None);
            if (result.NextDueAt is not { } next)
            {
                return pass;
            }

            if (next > Clock.GetUtcNow())
            {
                Clock.SetUtcNow(next);
            }
        }

        throw new InvalidOperationException("Delivery did not drain.");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Receiver.DisposeAsync();
    }
}

/// <summary>Only the outbox part of <see cref="IRunStore"/>: what delivery reads.</summary>
internal sealed class OutboxStub : IRunStore
{
    private readonly List<OutboxEntry> _entries = [];

    public void Add(AudienceEvent e) => _entries.Add(new OutboxEntry(_entries.Count + 1, e));

    public Task<IReadOnlyList<OutboxEntry>> ReadOutboxAfterAsync(long position, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboxEntry>>([.. _entries.Where(e => e.Position > position).Take(limit)]);

    public Task<long> GetCommittedVersionAsync(string audienceKey, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task CreateRunAsync(RunRecord run, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task UpdateRunAsync(RunRecord run, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task CommitRunAsync(RunRecord run, IAsyncEnumerable<AudienceEvent> events, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<RunRecord?> FindRunAsync(string runId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(string audienceKey, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<RunRecord>> ListUnfinishedRunsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<OutboxEntry> ReadOutboxAsync(string runId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteAudienceAsync(string audienceKey, CancellationToken cancellationToken) => throw new NotSupportedException();
}
