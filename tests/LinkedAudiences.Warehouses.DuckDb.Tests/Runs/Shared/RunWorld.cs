using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Core.Warehouses;
using System.Text.Json;

namespace LinkedAudiences.Warehouses.Tests.Runs;

/// <summary>
/// A small demo-shaped world (profiles, accounts, credit cards; names as in the demo graph) and the churn between
/// two runs. Members of <see cref="OutstandingPro"/>: pro profiles with an active account holding an outstanding card.
/// Before the churn: u1, u2, u5, u6, u8. After: u1, u3, u5, u7, u8.
/// </summary>
internal static class RunWorld
{
    public const string Key = "pro-outstanding";

    public static readonly AudienceDefinition OutstandingPro = Definition("""
        { "groups": [ { "conditions": [
            { "kind": "trait", "trait": "plan", "operator": "equals", "value": "pro" },
            { "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] },
              "conditions": [ { "entity": "credit_card", "where": { "filters": [ { "property": "balance_status", "operator": "equals", "value": "Outstanding" } ] } } ] } ] } ] }
        """);

    /// <summary>The outstanding cards on active accounts, as an entity-target audience.</summary>
    public static readonly AudienceDefinition OutstandingCards = Definition("""
        { "target": { "type": "entity", "entity": "credit_card" }, "groups": [ { "conditions": [
            { "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] },
              "conditions": [ { "entity": "credit_card", "where": { "filters": [ { "property": "balance_status", "operator": "equals", "value": "Outstanding" } ] } } ] } ] } ] }
        """);

    /// <summary>Profiles in the stored membership of <see cref="Key"/>.</summary>
    public static readonly AudienceDefinition MembersOfOutstandingPro = Definition($$"""
        { "groups": [ { "conditions": [ { "kind": "audience", "audience": "{{Key}}", "mode": "membership" } ] } ] }
        """);

    public static IAudienceCatalog Catalog { get; } = new InMemoryAudienceCatalog(new Dictionary<string, AudienceDefinition>
    {
        [Key] = OutstandingPro,
        ["outstanding-cards"] = OutstandingCards,
        ["members-of-pro-outstanding"] = MembersOfOutstandingPro,
    });

    public static readonly TableSchema Profiles = new(null, "profiles",
        [new("profile_id", WarehouseColumnType.Varchar), new("email", WarehouseColumnType.Varchar), new("plan", WarehouseColumnType.Varchar), new("traits", WarehouseColumnType.Json)]);

    public static readonly TableSchema Accounts = new(null, "accounts",
        [new("account_id", WarehouseColumnType.BigInt), new("profile_id", WarehouseColumnType.Varchar), new("status", WarehouseColumnType.Varchar), new("credit_limit", WarehouseColumnType.Decimal)]);

    public static readonly TableSchema CreditCards = new(null, "credit_cards",
        [new("card_id", WarehouseColumnType.BigInt), new("account_id", WarehouseColumnType.BigInt), new("balance_status", WarehouseColumnType.Varchar), new("balance", WarehouseColumnType.Decimal)]);

    public static async Task LoadAsync(IBulkLoader loader)
    {
        await loader.LoadAsync(Profiles,
        [
            ["u1", "u1@example.com", "pro", """{"loyalty":{"tier":"gold"}}"""],
            ["u2", "u2@example.com", "pro", null],
            ["u3", "u3@example.com", "free", null],
            ["u4", "u4@example.com", "pro", null],
            ["u5", "u5@example.com", "pro", """{"loyalty":{"tier":"silver"}}"""],
            ["u6", "u6@example.com", "pro", null],
            ["u8", "u8@example.com", "pro", null],
        ], CancellationToken.None);
        await loader.LoadAsync(Accounts,
        [
            [101L, "u1", "active", 1000m], [102L, "u2", "active", 1000m], [103L, "u3", "active", 1000m], [104L, "u4", "closed", 1000m],
            [105L, "u5", "active", 1000m], [106L, "u5", "active", 1000m], [107L, "u6", "active", 1000m], [109L, "u8", "active", 1000m],
        ], CancellationToken.None);
        await loader.LoadAsync(CreditCards,
        [
            [201L, 101L, "Outstanding", 100m], [202L, 101L, "Paid", 50m], [203L, 102L, "Outstanding", 300m], [204L, 103L, "Outstanding", 5m],
            [205L, 104L, "Outstanding", 7m], [206L, 105L, "Outstanding", 10m], [207L, 106L, "Outstanding", 20m], [208L, 107L, "Outstanding", 70m],
            [211L, 109L, "Outstanding", 40m],
        ], CancellationToken.None);
    }

    /// <summary>Profiles added, removed and changed; entities added, removed and changed; enrichment values changed.</summary>
    public static IReadOnlyList<string> Churn { get; } =
    [
        // u7 is new and qualifies: enters with account 108 and card 209.
        "INSERT INTO profiles (profile_id, email, plan, traits) VALUES ('u7', 'u7@example.com', 'pro', NULL)",
        "INSERT INTO accounts (account_id, profile_id, status, credit_limit) VALUES (108, 'u7', 'active', 500)",
        "INSERT INTO credit_cards (card_id, account_id, balance_status, balance) VALUES (209, 108, 'Outstanding', 90)",
        // u3 becomes pro: enters with account 103 and card 204.
        "UPDATE profiles SET plan = 'pro' WHERE profile_id = 'u3'",
        // u2's only outstanding card is paid: exits, with account 102 and card 203.
        "UPDATE credit_cards SET balance_status = 'Paid' WHERE card_id = 203",
        // u6 is deleted: exits, with account 107 and card 208.
        "DELETE FROM profiles WHERE profile_id = 'u6'",
        // u5 gains card 210 on account 105 and loses account 106 (its card 207 is paid): entity changes and new values.
        "INSERT INTO credit_cards (card_id, account_id, balance_status, balance) VALUES (210, 105, 'Outstanding', 15)",
        "UPDATE credit_cards SET balance_status = 'Paid' WHERE card_id = 207",
        // u1's email (an enriched trait) and u8's card balance (an enriched column) change: values changed only.
        "UPDATE profiles SET email = 'u1-new@example.com' WHERE profile_id = 'u1'",
        "UPDATE credit_cards SET balance = 45 WHERE card_id = 211",
        // Neither a matched row nor an enriched column: no event.
        "UPDATE credit_cards SET balance = 55 WHERE card_id = 202",
        "UPDATE accounts SET credit_limit = 2000 WHERE account_id = 101",
    ];

    private static AudienceDefinition Definition(string json) =>
        JsonSerializer.Deserialize<AudienceDefinition>(json, LinkedAudiencesJson.Options) ?? throw new InvalidOperationException("Empty definition.");
}
