using System.Text.Json.Nodes;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Tests.Runs;

namespace LinkedAudiences.Tests.Delivery;

/// <summary>
/// Demo warehouse → audience → runs → activations (one per trigger, created through the API) → the delivery background
/// task → a loopback receiver: every trigger's events checked field by field, the webhook signature verified.
/// </summary>
public sealed class TriggerDeliveryTests(Site site) : IClassFixture<Site>, IAsyncLifetime
{
    private const string Audience = "dl-triggers";
    private const string Secret = "hmac-7f3e2c1d-trigger-secret";
    private LoopbackReceiver _receiver = default!;

    public async Task InitializeAsync() => _receiver = await LoopbackReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task TwoRuns_OneActivationPerTrigger_ReceiverGetsEveryEventWithItsFields()
    {
        var warehouse = await site.UseDemoWarehouseAsync(60);
        using var admin = await site.SignInAsAdminAsync();
        await admin.CreateAudienceAsync(Audience, DeliverySupport.ActiveAccounts);
        await admin.CreateActivationAsync(Activation("entered", "audienceEntered", secret: Secret));
        await admin.CreateActivationAsync(Activation("exited", "audienceExited"));
        await admin.CreateActivationAsync(Activation("entity-entered", "entityAdded", triggerEntity: "account"));
        await admin.CreateActivationAsync(Activation("entity-exited", "entityRemoved", triggerEntity: "account"));
        await admin.CreateActivationAsync(Activation("identify", "audienceMembershipChanged"));
        await admin.CreateActivationAsync(Activation("fresh", "audienceMembershipOrValuesChanged", traits: ["plan"]));
        var activeAccountsAtStart = await DeliverySupport.QueryAsync(warehouse, "SELECT account_id FROM accounts WHERE status = 'active'");

        var first = await admin.EnableAsync(Audience);
        await site.DeliverAsync();

        var members = await DeliverySupport.QueryAsync(warehouse, "SELECT DISTINCT profile_id FROM accounts WHERE status = 'active' ORDER BY profile_id");
        var (leaving, staying) = (members[0], members[1]);
        var leavingAccounts = await DeliverySupport.QueryAsync(warehouse, $"SELECT account_id FROM accounts WHERE status = 'active' AND profile_id = '{leaving}' ORDER BY account_id");
        var joining = (await RunsSupport.ProfileIdsAsync(warehouse, "profile_id NOT IN (SELECT profile_id FROM accounts WHERE status = 'active')"))[0];
        await RunsSupport.ExecuteAsync(warehouse, $"UPDATE accounts SET status = 'closed' WHERE profile_id = '{leaving}'");
        await RunsSupport.ExecuteAsync(warehouse, $"INSERT INTO accounts VALUES (990001, '{joining}', 'pro', 'active', 'eu', 100, TIMESTAMP '2026-10-01 00:00:00')");
        await RunsSupport.ExecuteAsync(warehouse, $"UPDATE profiles SET plan = 'changed-plan' WHERE profile_id = '{staying}'");
        var second = await admin.RunNowAsync(Audience);
        await site.DeliverAsync();

        var m = (int)(long)first["summary"]!["members"]!;
        Assert.Equal(members.Count, m);
        Assert.Equal((1L, 1L), ((long)second["summary"]!["entered"]!, (long)second["summary"]!["exited"]!));

        // Profile entered (track), signed with the webhook secret.
        var entered = _receiver.DeliveredEvents("entered");
        Assert.Equal(m + 1, entered.Select(e => (string)e["messageId"]!).Distinct().Count());
        Assert.Equal(m + 1, entered.Count);
        Assert.All(entered, e =>
        {
            Assert.Equal(("track", "Audience Entered", Audience), ((string?)e["type"], (string?)e["event"], (string?)e["properties"]!["audience_key"]));
            Assert.StartsWith("la-", (string)e["messageId"]!, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty((string?)e["timestamp"]));
        });
        Assert.Equal(members.Append(joining).Order(StringComparer.Ordinal), entered.Select(e => (string)e["userId"]!).Order(StringComparer.Ordinal));
        Assert.Equal(2L, (long)entered.Single(e => (string?)e["userId"] == joining)["properties"]!["membership_version"]!);
        Assert.All(_receiver.On("entered"), r => Assert.Equal(DeliverySupport.Signature(r.Body, Secret), r.Headers["X-LinkedAudiences-Signature"]));

        // Profile exited (track).
        var exited = Assert.Single(_receiver.DeliveredEvents("exited"));
        Assert.Equal(("track", "Audience Exited", leaving, 2L), ((string?)exited["type"], (string?)exited["event"], (string?)exited["userId"], (long)exited["properties"]!["membership_version"]!));
        Assert.False(_receiver.On("exited").Single().Headers.ContainsKey("X-LinkedAudiences-Signature"));

        // Entity entered / exited: account rows, with their branch and parent.
        var entityEntered = _receiver.DeliveredEvents("entity-entered");
        Assert.Equal(activeAccountsAtStart.Append("990001").Order(StringComparer.Ordinal), entityEntered.Select(e => (string)e["properties"]!["entity_key"]!).Order(StringComparer.Ordinal));
        var newAccount = entityEntered.Single(e => (string?)e["properties"]!["entity_key"] == "990001");
        Assert.Equal(("track", "Entity Entered", joining, "account", "0.0", joining), (
            (string?)newAccount["type"], (string?)newAccount["event"], (string?)newAccount["userId"],
            (string?)newAccount["properties"]!["entity"], (string?)newAccount["properties"]!["branch"], (string?)newAccount["properties"]!["parent_key"]));
        var entityExited = _receiver.DeliveredEvents("entity-exited");
        Assert.Equal(leavingAccounts, entityExited.Select(e => (string)e["properties"]!["entity_key"]!).Order(StringComparer.Ordinal));
        Assert.All(entityExited, e => Assert.Equal(("Entity Exited", leaving, "account"), ((string?)e["event"], (string?)e["userId"], (string?)e["properties"]!["entity"])));

        // Membership changed (identify): the audience key as a boolean trait.
        var identify = _receiver.DeliveredEvents("identify");
        Assert.Equal(m + 2, identify.Count);
        Assert.All(identify, e => Assert.Equal(("identify", "membership_changed"), ((string?)e["type"], (string?)e["context"]!["linked_audiences"]!["trigger"])));
        Assert.False((bool)identify.Single(e => (string?)e["userId"] == leaving && (long)e["context"]!["linked_audiences"]!["membership_version"]! == 2)["traits"]![Audience]!);
        Assert.True((bool)identify.Single(e => (string?)e["userId"] == joining)["traits"]![Audience]!);

        // Freshness: membership changes plus the staying member whose enriched trait changed, with the new value.
        var fresh = _receiver.DeliveredEvents("fresh");
        var changed = Assert.Single(fresh, e => (string?)e["context"]!["linked_audiences"]!["trigger"] == "values_changed");
        Assert.Equal((staying, "identify", "changed-plan", true), ((string?)changed["userId"], (string?)changed["type"], (string?)changed["traits"]!["plan"], (bool)changed["traits"]![Audience]!));
        Assert.Equal(m + 3, fresh.Count);
        Assert.All(fresh, e => Assert.True(e["traits"]!.AsObject().ContainsKey("plan"), "Every event carries the enriched trait (null where the profile has none)."));
    }

    private JsonObject Activation(string path, string trigger, string? triggerEntity = null, string? secret = null, string[]? traits = null)
    {
        var body = new JsonObject
        {
            ["title"] = $"{Audience} → {path}",
            ["audienceKey"] = Audience,
            ["trigger"] = trigger,
            ["triggerEntity"] = triggerEntity,
            ["destinationKind"] = "webhook",
            ["url"] = _receiver.Url(path),
            ["secret"] = secret,
            ["initialBackoffSeconds"] = 0,
            ["enabled"] = true,
        };
        if (traits is not null)
        {
            body["enrichmentTraits"] = new JsonArray([.. traits.Select(t => (JsonNode?)t)]);
        }

        return body;
    }
}
