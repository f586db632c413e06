using LinkedAudiences.Warehouses.Tests.Support;

namespace LinkedAudiences.Warehouses.DuckDb.Tests.Demo;

/// <summary>The demo data has the awkward cases audiences must get right: absences, nulls, missing JSON keys, repeats.</summary>
public sealed class DemoDataShapeTests(DemoDuckDbFixture demo) : IClassFixture<DemoDuckDbFixture>
{
    [Theory]
    [InlineData("accounts")]
    [InlineData("wishlist_items")]
    [InlineData("events")]
    [InlineData("household_members")]
    public async Task Profiles_WithoutAnyRowIn_Exist(string table)
    {
        var without = await demo.CountAsync($"SELECT count(*) FROM profiles p WHERE NOT EXISTS (SELECT 1 FROM {table} x WHERE x.profile_id = p.profile_id)");

        Assert.InRange(without, 20, 1_500);
    }

    [Theory]
    [InlineData("email")]
    [InlineData("first_name")]
    [InlineData("plan")]
    [InlineData("lifetime_value")]
    [InlineData("credit_limit")]
    [InlineData("birthday")]
    [InlineData("is_vip")]
    [InlineData("preferred_contact_time")]
    [InlineData("traits")]
    public async Task TraitColumn_SomeProfiles_Null(string column)
    {
        var nulls = await demo.CountAsync($"SELECT count(*) FROM profiles WHERE {column} IS NULL");

        Assert.InRange(nulls, 1, 400);
    }

    [Theory]
    [InlineData("$.address.city")]
    [InlineData("$.address.country")]
    [InlineData("$.loyalty.tier")]
    [InlineData("$.loyalty.points")]
    [InlineData("$.last_seen_at")]
    [InlineData("$.favorite_color")]
    public async Task NestedTrait_SomeDocuments_LackTheKey(string path)
    {
        var missing = await demo.CountAsync("SELECT count(*) FROM profiles WHERE traits IS NOT NULL AND json_extract(traits, $1) IS NULL", path);
        var present = await demo.CountAsync("SELECT count(*) FROM profiles WHERE json_extract_string(traits, $1) IS NOT NULL", path);

        Assert.True(missing > 0);
        Assert.True(present > 1_000);
    }

    [Fact]
    public async Task LoyaltyPoints_AFewDocuments_HoldTheWrongJsonKindOrNull()
    {
        var strings = await demo.CountAsync("SELECT count(*) FROM profiles WHERE json_type(traits, '$.loyalty.points') = 'VARCHAR'");
        var nulls = await demo.CountAsync("SELECT count(*) FROM profiles WHERE json_type(traits, '$.loyalty.points') = 'NULL'");
        var numbers = await demo.CountAsync("SELECT count(*) FROM profiles WHERE json_type(traits, '$.loyalty.points') IN ('BIGINT', 'UBIGINT')");

        Assert.True(strings > 0 && nulls > 0);
        Assert.True(numbers > 1_000);
    }

    [Fact]
    public async Task EventAmount_AFewEvents_HoldAString()
    {
        var strings = await demo.CountAsync("SELECT count(*) FROM events WHERE json_type(properties, '$.amount') = 'VARCHAR'");

        Assert.True(strings > 0);
    }

    [Fact]
    public async Task Events_AllFourNames_WithCouponsOnlySometimes()
    {
        var names = await demo.CountAsync("SELECT count(DISTINCT event) FROM events");
        var withCoupon = await demo.CountAsync("SELECT count(*) FROM events WHERE event = 'Order Completed' AND json_extract(properties, '$.coupon') IS NOT NULL");
        var withoutCoupon = await demo.CountAsync("SELECT count(*) FROM events WHERE event = 'Order Completed' AND json_extract(properties, '$.coupon') IS NULL");
        var noContext = await demo.CountAsync("SELECT count(*) FROM events WHERE context IS NULL");

        Assert.Equal(4, names);
        Assert.True(withCoupon > 0 && withoutCoupon > withCoupon);
        Assert.True(noContext > 0);
    }

    [Theory]
    [InlineData("transactions", "occurred_at")]
    [InlineData("events", "occurred_at")]
    [InlineData("orders", "ordered_at")]
    public async Task Activity_ShareInLast30And90Days_Substantial(string table, string column)
    {
        var total = await demo.CountAsync($"SELECT count(*) FROM {table}");
        var last30 = await demo.CountAsync($"SELECT count(*) FROM {table} WHERE {column} >= $1 - INTERVAL 30 DAY AND {column} <= $1", DemoDuckDbFixture.AsOf);
        var last90 = await demo.CountAsync($"SELECT count(*) FROM {table} WHERE {column} >= $1 - INTERVAL 90 DAY AND {column} <= $1", DemoDuckDbFixture.AsOf);

        Assert.InRange(last30 / (double)total, 0.18, 0.32);
        Assert.InRange(last90 / (double)total, 0.38, 0.52);
    }

    [Theory]
    [InlineData("accounts", "profile_id", "profiles", "profile_id")]
    [InlineData("credit_cards", "account_id", "accounts", "account_id")]
    [InlineData("subscriptions", "account_id", "accounts", "account_id")]
    [InlineData("orders", "account_id", "accounts", "account_id")]
    [InlineData("transactions", "card_id", "credit_cards", "card_id")]
    [InlineData("pets", "household_id", "households", "household_id")]
    [InlineData("household_members", "household_id", "households", "household_id")]
    [InlineData("household_members", "profile_id", "profiles", "profile_id")]
    [InlineData("sales", "profile_id", "profiles", "profile_id")]
    [InlineData("wishlist_items", "profile_id", "profiles", "profile_id")]
    [InlineData("events", "profile_id", "profiles", "profile_id")]
    public async Task ForeignKey_EveryNonNullValue_HasItsParent(string table, string column, string parent, string key)
    {
        var dangling = await demo.CountAsync($"SELECT count(*) FROM {table} x WHERE x.{column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.{key} = x.{column})");
        var rows = await demo.CountAsync($"SELECT count(*) FROM {table}");

        Assert.Equal(0, dangling);
        Assert.True(rows > 0);
    }

    [Theory]
    [InlineData("profiles", "profile_id")]
    [InlineData("accounts", "account_id")]
    [InlineData("households", "household_id")]
    [InlineData("pets", "pet_id")]
    [InlineData("credit_cards", "card_id")]
    [InlineData("subscriptions", "subscription_id")]
    [InlineData("transactions", "transaction_id")]
    [InlineData("orders", "order_id")]
    [InlineData("sales", "sale_id")]
    [InlineData("wishlist_items", "item_id")]
    [InlineData("events", "event_id")]
    public async Task PrimaryKey_EveryTable_UniqueAndNotNull(string table, string key)
    {
        var rows = await demo.CountAsync($"SELECT count(*) FROM {table}");
        var keys = await demo.CountAsync($"SELECT count(DISTINCT {key}) FROM {table}");

        Assert.Equal(rows, keys);
    }

    [Fact]
    public async Task Accounts_AFew_BelongToNoProfile()
    {
        var orphans = await demo.CountAsync("SELECT count(*) FROM accounts WHERE profile_id IS NULL");

        Assert.InRange(orphans, 1, 40);
    }

    [Fact]
    public async Task HouseholdMembers_SomeRowsRepeatedAndSomeProfilesInTwoHouseholds()
    {
        var repeated = await demo.CountAsync("SELECT count(*) FROM (SELECT household_id, profile_id FROM household_members GROUP BY ALL HAVING count(*) > 1)");
        var twoHomes = await demo.CountAsync("SELECT count(*) FROM (SELECT profile_id FROM household_members GROUP BY profile_id HAVING count(DISTINCT household_id) > 1)");
        var empty = await demo.CountAsync("SELECT count(*) FROM households h WHERE NOT EXISTS (SELECT 1 FROM household_members m WHERE m.household_id = h.household_id)");

        Assert.True(repeated > 0);
        Assert.True(twoHomes > 0);
        Assert.True(empty > 0);
    }

    [Fact]
    public async Task Sales_OnlyBrokers_AndEveryBrokerSells()
    {
        var byCustomers = await demo.CountAsync("SELECT count(*) FROM sales s JOIN profiles p USING (profile_id) WHERE p.role <> 'broker'");
        var idleBrokers = await demo.CountAsync("SELECT count(*) FROM profiles p WHERE p.role = 'broker' AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.profile_id = p.profile_id)");
        var brokers = await demo.CountAsync("SELECT count(*) FROM profiles WHERE role = 'broker'");

        Assert.Equal(0, byCustomers);
        Assert.Equal(0, idleBrokers);
        Assert.InRange(brokers, 60, 140);
    }

    [Fact]
    public async Task CreditCards_SomeOutstandingBalances_ExceedTheLimit()
    {
        var over = await demo.CountAsync("SELECT count(*) FROM credit_cards WHERE balance > card_limit");
        var paidWithBalance = await demo.CountAsync("SELECT count(*) FROM credit_cards WHERE balance_status = 'Paid' AND balance <> 0");

        Assert.True(over > 0);
        Assert.Equal(0, paidWithBalance);
    }
}
