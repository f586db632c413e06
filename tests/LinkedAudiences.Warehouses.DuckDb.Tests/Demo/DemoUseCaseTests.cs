using LinkedAudiences.Warehouses.Tests.Support;

namespace LinkedAudiences.Warehouses.DuckDb.Tests.Demo;

/// <summary>
/// The seeds' use cases, written by hand in SQL over the demo warehouse at 2,000 profiles: each must select some
/// profiles but not everyone, or it demonstrates nothing.
/// </summary>
public sealed class DemoUseCaseTests(DemoDuckDbFixture demo) : IClassFixture<DemoDuckDbFixture>
{
    private const long Profiles = 2_000;

    [Fact]
    public async Task CreditCardWithOutstandingBalance_DemoData_HasMembers()
    {
        var members = await demo.CountAsync("""
            SELECT count(DISTINCT p.profile_id) FROM profiles p
            JOIN accounts a ON a.profile_id = p.profile_id
            JOIN credit_cards c ON c.account_id = a.account_id
            WHERE c.balance_status = 'Outstanding'
            """);

        Assert.InRange(members, 50, Profiles - 50);
    }

    [Fact]
    public async Task CatOwnersOnPlatinumPlan_DemoData_HasMembers()
    {
        var members = await demo.CountAsync("""
            SELECT count(DISTINCT p.profile_id) FROM profiles p
            JOIN household_members m ON m.profile_id = p.profile_id
            JOIN pets x ON x.household_id = m.household_id
            WHERE x.type = 'Cat' AND p.plan = 'platinum'
            """);

        Assert.InRange(members, 10, Profiles / 4);
    }

    [Fact]
    public async Task LowerCaseCat_DemoData_SomeOwnersHaveOnlyThat()
    {
        // Case-sensitive matching must make a difference: these owners are missed by type = 'Cat'.
        var onlyLowerCase = await demo.CountAsync("""
            SELECT count(DISTINCT m.profile_id) FROM household_members m
            JOIN pets x ON x.household_id = m.household_id AND x.type = 'cat'
            WHERE NOT EXISTS (SELECT 1 FROM household_members m2 JOIN pets y ON y.household_id = m2.household_id
                              WHERE m2.profile_id = m.profile_id AND y.type = 'Cat')
            """);

        Assert.True(onlyLowerCase > 0);
    }

    [Fact]
    public async Task PremiumSubscriptionAndCardWithMoreThanFiveTransactions_SameAccount_HasMembers()
    {
        var members = await demo.CountAsync("""
            SELECT count(DISTINCT a.profile_id) FROM accounts a
            WHERE a.profile_id IS NOT NULL
              AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.account_id = a.account_id AND s.tier = 'Premium')
              AND EXISTS (SELECT 1 FROM credit_cards c WHERE c.account_id = a.account_id
                          AND (SELECT count(*) FROM transactions t WHERE t.card_id = c.card_id) > 5)
            """);

        Assert.InRange(members, 50, Profiles / 2);
    }

    [Fact]
    public async Task CardWithOverAThousandSpentInLast90Days_DemoData_HasMembers()
    {
        var members = await demo.CountAsync("""
            SELECT count(DISTINCT a.profile_id) FROM accounts a
            JOIN credit_cards c ON c.account_id = a.account_id
            WHERE (SELECT sum(t.amount) FROM transactions t
                   WHERE t.card_id = c.card_id AND t.occurred_at >= $1 - INTERVAL 90 DAY AND t.occurred_at <= $1) > 1000
            """, DemoDuckDbFixture.AsOf);

        Assert.InRange(members, 20, Profiles / 2);
    }

    [Fact]
    public async Task BrokersWhoSoldOverFiveMillionInTwelveMonths_DemoData_HasMembers()
    {
        var brokers = await demo.CountAsync("SELECT count(*) FROM profiles WHERE role = 'broker'");
        var members = await demo.CountAsync("""
            SELECT count(*) FROM profiles p
            WHERE p.role = 'broker'
              AND (SELECT sum(s.amount) FROM sales s
                   WHERE s.profile_id = p.profile_id AND s.sold_at >= $1 - INTERVAL 365 DAY AND s.sold_at <= $1) > 5000000
            """, DemoDuckDbFixture.AsOf);

        Assert.InRange(members, 5, brokers - 5);
    }

    [Fact]
    public async Task WishlistsTotallingOverThreeHundred_DemoData_HasMembers()
    {
        var members = await demo.CountAsync(
            "SELECT count(*) FROM (SELECT profile_id FROM wishlist_items GROUP BY profile_id HAVING sum(price) > 300)");

        Assert.InRange(members, 50, Profiles / 2);
    }
}
