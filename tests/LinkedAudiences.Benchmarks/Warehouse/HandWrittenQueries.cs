namespace LinkedAudiences.Benchmarks.Warehouse;

/// <summary>
/// The seed use cases as an analyst would write them for DuckDB by hand, against the same demo tables: the yardstick
/// for the compiled SQL. Each returns one row per member (profile_id).
/// </summary>
internal static class HandWrittenQueries
{
    public static IReadOnlyDictionary<string, string> ByAudience { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Profiles with an account holding a credit card whose balance is outstanding.
        ["uc1-outstanding-credit-card"] = """
            SELECT DISTINCT p.profile_id
            FROM profiles p
            JOIN accounts a ON a.profile_id = p.profile_id
            JOIN credit_cards cc ON cc.account_id = a.account_id
            WHERE cc.balance_status = 'Outstanding'
            """,

        // Platinum profiles living in a household that has a pet of type 'Cat' (case-sensitive).
        ["uc2-cat-owners-platinum"] = """
            SELECT DISTINCT p.profile_id
            FROM profiles p
            JOIN household_members hm ON hm.profile_id = p.profile_id
            JOIN households h ON h.household_id = hm.household_id
            JOIN pets pt ON pt.household_id = h.household_id
            WHERE pt.type = 'Cat' AND p.plan = 'platinum'
            """,

        // Profiles with one account that has both a Premium subscription and a card with at least six transactions.
        ["uc3-card-holders-with-transactions"] = """
            WITH busy_cards AS (
                SELECT t.card_id
                FROM transactions t
                GROUP BY t.card_id
                HAVING COUNT(*) >= 6
            )
            SELECT DISTINCT p.profile_id
            FROM profiles p
            JOIN accounts a ON a.profile_id = p.profile_id
            WHERE EXISTS (SELECT 1 FROM subscriptions s WHERE s.account_id = a.account_id AND s.tier = 'Premium')
              AND EXISTS (SELECT 1 FROM credit_cards cc JOIN busy_cards b ON b.card_id = cc.card_id WHERE cc.account_id = a.account_id)
            """,
    };
}
