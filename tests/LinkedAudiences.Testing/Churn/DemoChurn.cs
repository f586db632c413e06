namespace LinkedAudiences.Testing.Churn;

/// <summary>
/// The demo world's scripted churn: one audience of two branches, each two entities deep, and the SQL that changes the
/// warehouse between two runs so that every kind of event occurs in the second (runs, crash and workflow tests share it).
/// </summary>
public static class DemoChurn
{
    /// <summary>Accounts with an outstanding card, or households with a cat: two branches, each two entities deep.</summary>
    public const string AudienceJson = """
        { "schemaVersion": 1, "groupOperator": "or", "groups": [
            { "conditions": [ { "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] },
                "conditions": [ { "entity": "credit_card", "where": { "filters": [ { "property": "balance_status", "operator": "equals", "value": "Outstanding" } ] } } ] } ] },
            { "conditions": [ { "kind": "entity", "entity": "household",
                "conditions": [ { "entity": "pet", "where": { "filters": [ { "property": "type", "operator": "equals", "value": "Cat" } ] } } ] } ] } ] }
        """;

    /// <summary>Profiles and entities added, removed and changed, so that every kind of event occurs in the second run.</summary>
    public static readonly IReadOnlyList<string> Statements =
    [
        "UPDATE credit_cards SET balance_status = CASE WHEN balance_status = 'Paid' THEN 'Outstanding' ELSE 'Paid' END WHERE card_id % 5 = 0",
        "UPDATE credit_cards SET balance = balance + 1 WHERE card_id % 7 = 0",
        "UPDATE pets SET type = 'Cat' WHERE pet_id % 6 = 0",
        "UPDATE pets SET name = name || 'x' WHERE pet_id % 4 = 0",
        "DELETE FROM household_members WHERE household_id % 9 = 0",
        "UPDATE accounts SET status = 'closed' WHERE account_id % 11 = 0",
        "UPDATE profiles SET traits = NULL WHERE profile_id LIKE '%5'",
        "DELETE FROM profiles WHERE profile_id LIKE '%7'",
        "INSERT INTO profiles (profile_id, email, plan, role, traits) SELECT 'n' || profile_id, email, plan, role, traits FROM profiles WHERE profile_id LIKE '%1'",
        """
        INSERT INTO accounts (account_id, profile_id, plan, status, region, credit_limit, opened_at)
        SELECT account_id + 1000000, 'n' || profile_id, plan, status, region, credit_limit, opened_at FROM accounts WHERE profile_id LIKE '%1'
        """,
        """
        INSERT INTO credit_cards (card_id, account_id, balance_status, balance, card_limit, network, is_active, issued_at, expires_on)
        SELECT card_id + 1000000, account_id + 1000000, balance_status, balance, card_limit, network, is_active, issued_at, expires_on
        FROM credit_cards WHERE account_id IN (SELECT account_id FROM accounts WHERE profile_id LIKE '%1' AND account_id < 1000000)
        """,
    ];
}
