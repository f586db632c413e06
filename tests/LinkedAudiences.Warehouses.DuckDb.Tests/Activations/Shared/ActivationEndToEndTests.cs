using System.Globalization;
using System.Text.Json;
using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Delivery.Destinations;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Core.Snapshots;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Templates;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Testing.Delivery;
using LinkedAudiences.Warehouses.Tests.Runs;

namespace LinkedAudiences.Warehouses.Tests.Activations;

/// <summary>
/// Demo warehouse (300 profiles) → two runs with churn between them → one activation per trigger → a loopback
/// receiver. Every received event is checked field by field against the outbox event it came from and against the
/// warehouse's enrichment values. The same on every engine (linked into the PostgreSQL tests).
/// </summary>
public abstract class ActivationEndToEndTests : RunTestBase
{
    private const string Key = "active-cards";

    private static readonly AudienceDefinition ActiveCards = JsonSerializer.Deserialize<AudienceDefinition>("""
        { "groups": [ { "conditions": [ { "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] },
            "conditions": [ { "entity": "credit_card", "where": { "filters": [ { "property": "balance_status", "operator": "equals", "value": "Outstanding" } ] } } ] } ] } ] }
        """, LinkedAudiencesJson.Options)!;

    private static readonly ActivationEnrichment Enrichment = new()
    {
        Traits = ["email", "loyalty_tier"],
        Entities = [new EntityEnrichment("credit_card", ["balance", "balance_status"])],
    };

    private static readonly string[] Churn =
    [
        "UPDATE credit_cards SET balance_status = CASE WHEN balance_status = 'Paid' THEN 'Outstanding' ELSE 'Paid' END WHERE card_id % 5 = 0",
        "UPDATE credit_cards SET balance = balance + 1 WHERE card_id % 7 = 0",
        "UPDATE accounts SET status = 'closed' WHERE account_id % 11 = 0",
    ];

    protected override IAudienceCatalog Catalog => InMemoryAudienceCatalog.Empty;

    protected override Task LoadAsync(IBulkLoader loader) => DemoWarehouseBuilder.BuildAsync(loader, new DemoWarehouseOptions { Profiles = 300 }, CancellationToken.None);

    private async Task TwoRunsAsync()
    {
        var first = await RunAsync(ActiveCards, Key, Enrichment.ToSpec());
        Assert.Equal(AudienceRunOutcome.Succeeded, first.Outcome);
        await ExecuteAllAsync(Churn);
        var second = await RunAsync(ActiveCards, Key, Enrichment.ToSpec());
        Assert.Equal(AudienceRunOutcome.Succeeded, second.Outcome);
    }

    private Activation Activation(ActivationTrigger trigger, LoopbackReceiver receiver, string? entity = null) => new()
    {
        Key = "e2e-" + trigger,
        AudienceKey = Key,
        Trigger = trigger,
        TriggerEntity = entity,
        Enrichment = Enrichment,
        Destination = new DestinationSettings { Kind = DestinationKind.Webhook, Url = receiver.BaseUrl + "in", Delivery = new DeliveryPolicy { BatchSize = 50, Timeout = TimeSpan.FromSeconds(30) } },
    };

    private ActivationDeliverer Deliverer(HttpClient http, InMemoryDeliveryStore store, WriteBackTarget? destination = null)
    {
        var enrichment = new WarehouseEnrichmentSource(Warehouse, DemoGraph.Graph, new SnapshotOptions { Schema = SnapshotSchema });
        var factory = new DestinationFactory(http, new TestSecrets(), Clock, destination?.Warehouse);
        return new ActivationDeliverer(Store, store, factory, new EventRenderer(new FluidTemplateRenderer(), enrichment), Clock);
    }

    public static TheoryData<ActivationTrigger, string?> Triggers => new()
    {
        { ActivationTrigger.ProfileEntered, null },
        { ActivationTrigger.ProfileExited, null },
        { ActivationTrigger.EntityEntered, "credit_card" },
        { ActivationTrigger.EntityExited, "credit_card" },
        { ActivationTrigger.EntityEntered, "account" },
        { ActivationTrigger.MembershipChanged, null },
        { ActivationTrigger.MembershipOrValuesChanged, null },
    };

    [Theory]
    [MemberData(nameof(Triggers))]
    public async Task Deliver_EachTrigger_ReceiverGetsEveryMatchingEventFieldByField(ActivationTrigger trigger, string? entity)
    {
        await TwoRunsAsync();
        await using var receiver = new LoopbackReceiver();
        using var http = new HttpClient();
        var store = new InMemoryDeliveryStore();
        var activation = Activation(trigger, receiver, entity);

        await Deliverer(http, store).RunOnceAsync(activation, CancellationToken.None);

        var kinds = ActivationTriggers.EventKinds(trigger);
        var expected = Store.Outbox.Select(e => e.Event)
            .Where(e => e.AudienceKey == Key && kinds.Contains(e.Kind) && (entity is null || e.Entity == entity)).ToList();
        Assert.True(expected.Count > 0, $"The churn should produce {trigger} events.");
        var received = receiver.Requests.SelectMany(r => JsonDocument.Parse(r.Body).RootElement.EnumerateArray().Select(e => e.Clone()))
            .ToDictionary(e => e.GetProperty("messageId").GetString()!, StringComparer.Ordinal);
        Assert.Equal(expected.Select(e => e.MessageId).Order(StringComparer.Ordinal), received.Keys.Order(StringComparer.Ordinal));
        foreach (var e in expected)
        {
            await CheckAsync(e, received[e.MessageId], activation);
        }

        var filtered = store.Records.Where(r => r.State == DeliveryState.Filtered).ToList();
        Assert.Equal(Store.Outbox.Count - expected.Count, filtered.Count);
        Assert.All(filtered, r => Assert.Equal(ActivationTriggers.FilterReason(activation, r.Event), r.LastError));
    }

    /// <summary>The received body is the outbox payload (every field), plus the enrichment the warehouse holds now.</summary>
    private async Task CheckAsync(AudienceEvent source, JsonElement received, Activation activation)
    {
        using var payload = JsonDocument.Parse(source.Payload);
        var root = payload.RootElement;
        var identify = root.GetProperty("type").GetString() == "identify";
        Assert.Equal(activation.EffectiveAction, root.GetProperty("type").GetString());
        foreach (var field in new[] { "type", "userId", "messageId", "timestamp" })
        {
            Assert.Equal(root.GetProperty(field).GetString(), received.GetProperty(field).GetString());
        }

        Assert.Equal(source.ProfileKey, received.GetProperty("userId").GetString());
        var bag = identify ? "traits" : "properties";
        foreach (var property in root.GetProperty(bag).EnumerateObject())
        {
            Assert.Equal(property.Value.GetRawText(), received.GetProperty(bag).GetProperty(property.Name).GetRawText());
        }

        if (identify)
        {
            Assert.Equal(root.GetProperty("context").GetRawText(), received.GetProperty("context").GetRawText());
        }
        else
        {
            Assert.Equal(root.GetProperty("event").GetString(), received.GetProperty("event").GetString());
        }

        var traits = await TraitsAsync(source.ProfileKey);
        Assert.Equal(traits.Email, received.GetProperty(bag).GetProperty("email").GetString());
        Assert.Equal(traits.Tier, received.GetProperty(bag).TryGetProperty("loyalty_tier", out var tier) ? tier.GetString() : "absent");

        var cards = identify ? received.GetProperty("traits").GetProperty("credit_card") : received.GetProperty("properties").GetProperty(EventRenderer.EntityContext).GetProperty("credit_card");
        var expectedCards = source.Kind is AudienceEventKind.EntityEntered or AudienceEventKind.EntityExited && source.Entity == "credit_card"
            ? [source.EntityKey!]
            : source.Kind is AudienceEventKind.ValuesChanged ? null : await MatchedCardsAsync(source.ProfileKey);
        if (expectedCards is not null)
        {
            Assert.Equal(expectedCards, cards.EnumerateArray().Select(c => c.GetProperty("entity_key").GetString()!));
        }

        foreach (var card in cards.EnumerateArray())
        {
            var (balance, status) = await CardAsync(card.GetProperty("entity_key").GetString()!);
            Assert.Equal(balance, card.GetProperty("balance").GetDecimal());
            Assert.Equal(status, card.GetProperty("balance_status").GetString());
        }
    }

    private async Task<(string? Email, string? Tier)> TraitsAsync(string profile)
    {
        var tier = Warehouse.Dialect.JsonValue("traits", DemoGraph.Graph.FindTrait("loyalty_tier")!.PathSegments, DataType.String);
        var query = new SqlQuery($"SELECT email, {tier} FROM profiles WHERE profile_id = $1", [new SqlParameter("p1", profile)]);
        await foreach (var row in Warehouse.QueryAsync(query, CancellationToken.None))
        {
            return ((string?)row[0], row[1] as string);
        }

        throw new InvalidOperationException("No profile " + profile);
    }

    /// <summary>The member's outstanding cards on active accounts, as the audience matches them now (first ten by key text).</summary>
    private async Task<List<string>> MatchedCardsAsync(string profile)
    {
        var query = new SqlQuery(
            """
            SELECT DISTINCT CAST(c.card_id AS VARCHAR) AS k FROM credit_cards c JOIN accounts a ON a.account_id = c.account_id
            WHERE a.profile_id = $1 AND a.status = 'active' AND c.balance_status = 'Outstanding' ORDER BY k
            """, [new SqlParameter("p1", profile)]);
        var keys = new List<string>();
        await foreach (var row in Warehouse.QueryAsync(query, CancellationToken.None))
        {
            keys.Add((string)row[0]!);
        }

        return [.. keys.Order(StringComparer.Ordinal).Take(WarehouseEnrichmentSource.MaxRowsPerEntity)];
    }

    private async Task<(decimal Balance, string Status)> CardAsync(string key)
    {
        var query = new SqlQuery("SELECT balance, balance_status FROM credit_cards WHERE card_id = CAST($1 AS BIGINT)", [new SqlParameter("p1", key)]);
        await foreach (var row in Warehouse.QueryAsync(query, CancellationToken.None))
        {
            return (Convert.ToDecimal(row[0], CultureInfo.InvariantCulture), (string)row[1]!);
        }

        throw new InvalidOperationException("No card " + key);
    }

    [Fact]
    public async Task Deliver_ReceiverFaultsThenRecovers_EveryEventOnceByMessageId()
    {
        await TwoRunsAsync();
        await using var receiver = new LoopbackReceiver();
        receiver.Respond = (_, n) => n switch
        {
            1 or 2 => new ReceiverResponse(500, "boom"),
            3 => ReceiverResponse.Timeout,
            4 => new ReceiverResponse(429, "slow") { Headers = new Dictionary<string, string> { ["Retry-After"] = "60" } },
            _ => ReceiverResponse.Ok,
        };
        using var http = new HttpClient();
        var store = new InMemoryDeliveryStore();
        var activation = Activation(ActivationTrigger.ProfileEntered, receiver) with
        {
            Destination = Activation(ActivationTrigger.ProfileEntered, receiver).Destination with { Delivery = new DeliveryPolicy { BatchSize = 25, Timeout = TimeSpan.FromSeconds(2) } },
        };
        var deliverer = Deliverer(http, store);

        await deliverer.EnqueueAsync(activation, CancellationToken.None);
        // Jitter spreads the retries, so a pass at each next due time may send only a few: pass until nothing is pending.
        for (var pass = 0; pass < 1000; pass++)
        {
            var result = await deliverer.DeliverDueAsync(activation, CancellationToken.None);
            if (result.NextDueAt is not { } next)
            {
                break;
            }

            Clock.Advance(next - Clock.GetUtcNow() > TimeSpan.Zero ? next - Clock.GetUtcNow() : TimeSpan.Zero);
        }

        var expected = Store.Outbox.Where(e => e.Event.Kind == AudienceEventKind.ProfileEntered).Select(e => e.Event.MessageId).Order(StringComparer.Ordinal).ToList();
        var accepted = receiver.Requests.Where(r => r.AnsweredStatus == 200)
            .SelectMany(r => JsonDocument.Parse(r.Body).RootElement.EnumerateArray().Select(e => e.GetProperty("messageId").GetString()!))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, accepted);
        Assert.All(store.Records.Where(r => r.Event.Kind == AudienceEventKind.ProfileEntered), r => Assert.Equal(DeliveryState.Delivered, r.State));
        Assert.True(receiver.Requests.Count > expected.Count / 25, "Failed batches must have been sent again.");
    }

    [Fact]
    public async Task WriteBack_IntoChosenTable_OneRowPerEventWithFullPayloadAndNoDoubles()
    {
        await TwoRunsAsync();
        using var http = new HttpClient();
        var store = new InMemoryDeliveryStore();
        var activation = new Activation
        {
            Key = "write-back",
            AudienceKey = Key,
            Trigger = ActivationTrigger.ProfileEntered,
            Destination = new DestinationSettings { Kind = DestinationKind.Warehouse, Schema = SnapshotSchema, Table = "audience_events", Delivery = new DeliveryPolicy { BatchSize = 40 } },
        };
        var deliverer = Deliverer(http, store, new WriteBackTarget(Warehouse));

        await deliverer.RunOnceAsync(activation, CancellationToken.None);
        var again = new WarehouseDestination(Warehouse, activation.Destination);
        var expected = Store.Outbox.Select(e => e.Event).Where(e => e.Kind == AudienceEventKind.ProfileEntered).ToList();
        await again.SendAsync([.. expected.Take(3).Select(e => new OutgoingEvent(e.MessageId, e.Kind, e.AudienceKey, "track", e.ProfileKey, e.Timestamp, e.Payload))], CancellationToken.None);

        var rows = new Dictionary<string, (string Type, string User, DateTime At, string Payload)>(StringComparer.Ordinal);
        await foreach (var row in Warehouse.QueryAsync(SqlQuery.Text($"SELECT message_id, event_type, user_id, event_timestamp, payload FROM {Warehouse.Dialect.QuoteTable(SnapshotSchema, "audience_events")}"), CancellationToken.None))
        {
            rows.Add((string)row[0]!, ((string)row[1]!, (string)row[2]!, (DateTime)row[3]!, (string)row[4]!));
        }

        Assert.Equal(expected.Count, rows.Count);
        foreach (var e in expected)
        {
            var row = rows[e.MessageId];
            Assert.Equal(("track", e.ProfileKey, e.Timestamp.UtcDateTime), (row.Type, row.User, row.At));
            using var stored = JsonDocument.Parse(row.Payload);
            using var source = JsonDocument.Parse(e.Payload);
            Assert.Equal(source.RootElement.GetProperty("properties").GetRawText(), stored.RootElement.GetProperty("properties").GetRawText());
            Assert.Equal(e.MessageId, stored.RootElement.GetProperty("messageId").GetString());
            Assert.Equal("Audience Entered", stored.RootElement.GetProperty("event").GetString());
        }
    }

    [Theory]
    [InlineData(ActivationTrigger.ProfileEntered, null)]
    [InlineData(ActivationTrigger.MembershipChanged, null)]
    [InlineData(ActivationTrigger.EntityEntered, "credit_card")]
    public async Task SendExisting_AfterTwoRuns_OneEventPerCurrentMemberOrRowThenOnlyNewChanges(ActivationTrigger trigger, string? entity)
    {
        await TwoRunsAsync();
        await using var receiver = new LoopbackReceiver();
        using var http = new HttpClient();
        var store = new InMemoryDeliveryStore();
        var activation = Activation(trigger, receiver, entity) with { SendExistingMembers = true, StartsAt = Clock.GetUtcNow().AddSeconds(1) };
        var existing = new ExistingMembers(Warehouse, DemoGraph.Graph, Store, store, Clock, new SnapshotOptions { Schema = SnapshotSchema });

        var enqueued = await existing.EnqueueAsync(activation, CancellationToken.None);
        var again = await existing.EnqueueAsync(activation, CancellationToken.None);
        await Deliverer(http, store).RunOnceAsync(activation, CancellationToken.None);

        var bodies = receiver.Requests.SelectMany(r => JsonDocument.Parse(r.Body).RootElement.EnumerateArray().Select(e => e.Clone())).ToList();
        Assert.Equal(enqueued, bodies.Count);
        Assert.Equal(enqueued, store.Records.Count);
        Assert.Equal(enqueued, again);
        if (entity is null)
        {
            Assert.Equal(await MembershipAsync(Key), bodies.Select(b => b.GetProperty("userId").GetString()!).Order(StringComparer.Ordinal));
        }
        else
        {
            var rows = await MatchedRowsAsync(entity);
            Assert.Equal(rows, bodies.Select(b => b.GetProperty("properties").GetProperty("entity_key").GetString()!).Order(StringComparer.Ordinal));
        }

        Assert.All(bodies, b => Assert.Equal(2, (b.TryGetProperty("properties", out var p) ? p : b.GetProperty("context").GetProperty("linked_audiences")).GetProperty("membership_version").GetInt64()));
    }

    private async Task<List<string>> MatchedRowsAsync(string entity)
    {
        var table = Warehouse.Dialect.QuoteTable(SnapshotSchema, "snapshot_entities");
        var query = new SqlQuery($"SELECT entity_key FROM {table} WHERE audience_key = $1 AND version = 2 AND entity = $2", [new SqlParameter("p1", Key), new SqlParameter("p2", entity)]);
        var keys = new List<string>();
        await foreach (var row in Warehouse.QueryAsync(query, CancellationToken.None))
        {
            keys.Add((string)row[0]!);
        }

        return [.. keys.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task Impact_DefinitionLosesTriggerEntity_ActivationDisabledWithReason()
    {
        await using var receiver = new LoopbackReceiver();
        var activation = Activation(ActivationTrigger.EntityExited, receiver, "credit_card");
        var edited = ActiveCards with { Groups = [new ConditionGroup { Conditions = [new EntityCondition { Entity = "account" }] }] };

        Assert.Empty(ActivationValidator.Validate(activation, ActiveCards, DemoGraph.Graph));
        var applied = ActivationImpact.Apply(activation, edited);

        Assert.False(applied.Enabled);
        Assert.StartsWith("The audience definition no longer matches entity 'credit_card'", applied.DisabledReason, StringComparison.Ordinal);
    }

    /// <summary>The warehouse the write-back destination writes into.</summary>
    private sealed record WriteBackTarget(IWarehouse Warehouse);
}
