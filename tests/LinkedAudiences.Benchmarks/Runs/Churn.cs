using System.Globalization;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Benchmarks.Runs;

/// <summary>
/// Churn between the two runs, applied inside the (copied) demo warehouse with SQL. Three disjoint sets of profiles,
/// each a fraction <c>churn</c> of all, picked by a scramble of the profile number:
/// <list type="bullet">
/// <item>leavers: their accounts and wishlist items are deleted (they leave uc1/uc3/the wishlist audience, and their entities exit);</item>
/// <item>joiners: a new active account each, with an outstanding card that has six recent transactions, a Premium
/// subscription, and a 400.00 wishlist item (they enter, or gain entities if already members);</item>
/// <item>changers: lifetime_value + 1, their cards' balance + 1 and their wishlist products renamed (values changed).</item>
/// </list>
/// </summary>
internal static class Churn
{
    public static IReadOnlyList<string> Statements(double fraction)
    {
        var buckets = (int)Math.Round(fraction * 10_000, MidpointRounding.AwayFromZero);
        if (buckets is < 1 or > 3333)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The churn must lie between 0.0001 and 0.3333.");
        }

        string Set(int offset) => string.Create(CultureInfo.InvariantCulture,
            $"SELECT profile_id FROM profiles WHERE (CAST(substr(profile_id, 2) AS BIGINT) * 7919 + {offset}) % 10000 < {buckets}");

        return
        [
            "CREATE TABLE churn_leavers AS " + Set(0),
            "CREATE TABLE churn_joiners AS " + Set(3333),
            "CREATE TABLE churn_changers AS " + Set(6667),

            "DELETE FROM wishlist_items WHERE profile_id IN (SELECT profile_id FROM churn_leavers)",
            "DELETE FROM accounts WHERE profile_id IN (SELECT profile_id FROM churn_leavers)",

            """
            CREATE TABLE churn_new AS
            SELECT j.profile_id,
                   (SELECT max(account_id) FROM accounts) + row_number() OVER (ORDER BY j.profile_id) AS account_id,
                   (SELECT max(card_id) FROM credit_cards) + row_number() OVER (ORDER BY j.profile_id) AS card_id,
                   (SELECT max(subscription_id) FROM subscriptions) + row_number() OVER (ORDER BY j.profile_id) AS subscription_id,
                   (SELECT max(item_id) FROM wishlist_items) + row_number() OVER (ORDER BY j.profile_id) AS item_id
            FROM churn_joiners AS j
            """,
            """
            INSERT INTO accounts (account_id, profile_id, plan, status, region, credit_limit, opened_at)
            SELECT account_id, profile_id, 'pro', 'active', 'EU', 5000.00, TIMESTAMP '2026-10-15 09:00:00' FROM churn_new
            """,
            """
            INSERT INTO credit_cards (card_id, account_id, balance_status, balance, card_limit, network, is_active, issued_at, expires_on)
            SELECT card_id, account_id, 'Outstanding', 250.00, 2000.00, 'Visa', TRUE, TIMESTAMP '2026-10-15 09:00:00', DATE '2030-10-31' FROM churn_new
            """,
            """
            INSERT INTO subscriptions (subscription_id, account_id, tier, monthly_price, started_at)
            SELECT subscription_id, account_id, 'Premium', 19.99, TIMESTAMP '2026-10-15 09:00:00' FROM churn_new
            """,
            """
            INSERT INTO transactions (transaction_id, card_id, amount, merchant, category, occurred_at, local_time)
            SELECT (SELECT max(transaction_id) FROM transactions) + row_number() OVER (ORDER BY n.card_id, r.i), n.card_id, 42.00,
                   'Bench Store', 'groceries', TIMESTAMP '2026-10-20 12:00:00' + r.i * INTERVAL 1 HOUR, TIME '12:00:00'
            FROM churn_new AS n CROSS JOIN (SELECT range AS i FROM range(6)) AS r
            """,
            """
            INSERT INTO wishlist_items (item_id, profile_id, product, price, added_at)
            SELECT item_id, profile_id, 'Bench Lamp', 400.00, TIMESTAMP '2026-10-20 12:00:00' FROM churn_new
            """,

            "UPDATE profiles SET lifetime_value = lifetime_value + 1 WHERE profile_id IN (SELECT profile_id FROM churn_changers)",
            "UPDATE credit_cards SET balance = balance + 1 WHERE account_id IN (SELECT a.account_id FROM accounts AS a JOIN churn_changers AS c ON c.profile_id = a.profile_id)",
            "UPDATE wishlist_items SET product = product || ' (v2)' WHERE profile_id IN (SELECT profile_id FROM churn_changers)",
        ];
    }

    /// <summary>Applies the churn and returns how many profiles are in each set (leavers, joiners, changers).</summary>
    public static async Task<(long Leavers, long Joiners, long Changers)> ApplyAsync(IWarehouse warehouse, double fraction, CancellationToken cancellationToken)
    {
        foreach (var statement in Statements(fraction))
        {
            await warehouse.ExecuteAsync(SqlQuery.Text(statement), cancellationToken);
        }

        async Task<long> CountAsync(string table)
        {
            await foreach (var row in warehouse.QueryAsync(SqlQuery.Text("SELECT COUNT(*) FROM " + table), cancellationToken))
            {
                return Convert.ToInt64(row[0], CultureInfo.InvariantCulture);
            }

            return 0;
        }

        return (await CountAsync("churn_leavers"), await CountAsync("churn_joiners"), await CountAsync("churn_changers"));
    }
}
