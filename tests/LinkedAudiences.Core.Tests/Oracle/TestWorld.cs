using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Testing.Oracle;

namespace LinkedAudiences.Core.Tests.Oracle;

/// <summary>
/// Hand-built rows in the demo world's tables (see <see cref="OracleTestGraph"/>): each test adds exactly the rows its
/// expectation depends on. Every table exists, empty unless rows are added.
/// </summary>
internal sealed class TestWorld
{
    private static readonly Dictionary<string, string[]> s_columns = new(StringComparer.Ordinal)
    {
        ["profiles"] = ["profile_id", "email", "first_name", "plan", "role", "lifetime_value", "credit_limit", "birthday", "signed_up_at", "is_vip", "preferred_contact_time", "traits"],
        ["accounts"] = ["account_id", "profile_id", "plan", "status", "region", "credit_limit", "opened_at"],
        ["households"] = ["household_id", "city", "size", "created_on"],
        ["household_members"] = ["household_id", "profile_id"],
        ["pets"] = ["pet_id", "household_id", "type", "name", "age", "adopted_on"],
        ["credit_cards"] = ["card_id", "account_id", "balance_status", "balance", "card_limit", "network", "is_active", "issued_at", "expires_on"],
        ["subscriptions"] = ["subscription_id", "account_id", "tier", "monthly_price", "started_at"],
        ["transactions"] = ["transaction_id", "card_id", "amount", "merchant", "category", "occurred_at", "local_time"],
        ["orders"] = ["order_id", "account_id", "status", "total", "ordered_at"],
        ["sales"] = ["sale_id", "profile_id", "amount", "sold_at"],
        ["wishlist_items"] = ["item_id", "profile_id", "product", "price", "added_at"],
        ["events"] = ["event_id", "profile_id", "event", "occurred_at", "properties", "context"],
    };

    private readonly Dictionary<string, List<object?[]>> _rows = s_columns.Keys.ToDictionary(k => k, _ => new List<object?[]>(), StringComparer.Ordinal);
    private long _nextEventId = 1;

    public static DateTimeOffset AsOf => OracleTestGraph.Anchor;

    /// <summary>The anchor as a warehouse timestamp (UTC, no zone) to build rows relative to it.</summary>
    public static DateTime Now => TimeWindows.Normalize(OracleTestGraph.Anchor);

    public TestWorld Profile(
        string id,
        string? plan = null,
        string? traits = null,
        string? role = null,
        decimal? lifetimeValue = null,
        decimal? creditLimit = null,
        DateOnly? birthday = null,
        DateTime? signedUpAt = null,
        bool? isVip = null,
        TimeOnly? contactTime = null,
        string? email = null,
        string? firstName = null) =>
        Add("profiles", id, email, firstName, plan, role, lifetimeValue, creditLimit, birthday, signedUpAt, isVip, contactTime, traits);

    public TestWorld Account(long id, string profileId, string? status = "active", decimal? creditLimit = null, DateTime? openedAt = null, string? plan = null, string? region = null) =>
        Add("accounts", id, profileId, plan, status, region, creditLimit, openedAt);

    public TestWorld Household(long id, string? city = null, long? size = null, DateOnly? createdOn = null) =>
        Add("households", id, city, size, createdOn);

    public TestWorld HouseholdMember(long householdId, string profileId) => Add("household_members", householdId, profileId);

    public TestWorld Pet(long id, long householdId, string? type, string? name = null, decimal? age = null, DateOnly? adoptedOn = null) =>
        Add("pets", id, householdId, type, name, age, adoptedOn);

    public TestWorld Card(long id, long accountId, string? balanceStatus = "Paid", decimal? balance = null, decimal? cardLimit = null, bool? isActive = true, DateTime? issuedAt = null, DateOnly? expiresOn = null, string? network = null) =>
        Add("credit_cards", id, accountId, balanceStatus, balance, cardLimit, network, isActive, issuedAt, expiresOn);

    public TestWorld Subscription(long id, long accountId, string? tier, decimal? monthlyPrice = null, DateTime? startedAt = null) =>
        Add("subscriptions", id, accountId, tier, monthlyPrice, startedAt);

    public TestWorld Transaction(long id, long cardId, decimal? amount, DateTime? occurredAt = null, string? merchant = null, string? category = null, TimeOnly? localTime = null) =>
        Add("transactions", id, cardId, amount, merchant, category, occurredAt, localTime);

    public TestWorld Order(long id, long accountId, string? status, decimal? total = null, DateTime? orderedAt = null) =>
        Add("orders", id, accountId, status, total, orderedAt);

    public TestWorld Sale(long id, string profileId, decimal? amount, DateTime? soldAt = null) => Add("sales", id, profileId, amount, soldAt);

    public TestWorld WishlistItem(long id, string profileId, string? product, decimal? price = null, DateTime? addedAt = null) =>
        Add("wishlist_items", id, profileId, product, price, addedAt);

    public TestWorld Event(string profileId, string name, DateTime occurredAt, string? properties = null, string? context = null) =>
        Add("events", _nextEventId++, profileId, name, occurredAt, properties ?? "{}", context);

    public InMemoryWarehouse Build()
    {
        var warehouse = new InMemoryWarehouse();
        foreach (var (table, columns) in s_columns)
        {
            warehouse.Add(table, columns, _rows[table]);
        }

        return warehouse;
    }

    public ReferenceEvaluator Evaluator() => new(OracleTestGraph.Graph, Build());

    /// <summary>Members of a definition given as JSON, at the anchor, with optional imports and stored memberships.</summary>
    public IReadOnlySet<string> Members(
        string definitionJson,
        DateTimeOffset? asOf = null,
        IReadOnlyDictionary<string, AudienceDefinition>? imports = null,
        IReadOnlyDictionary<string, IReadOnlySet<string>>? memberships = null) =>
        Evaluator().Members(
            LinkedAudiencesJson.ParseAudience(definitionJson),
            asOf ?? AsOf,
            imports ?? new Dictionary<string, AudienceDefinition>(),
            memberships ?? new Dictionary<string, IReadOnlySet<string>>());

    public IReadOnlyList<MatchedEntity> Matches(string definitionJson) =>
        Evaluator().MatchedEntities(
            LinkedAudiencesJson.ParseAudience(definitionJson),
            AsOf,
            new Dictionary<string, AudienceDefinition>(),
            new Dictionary<string, IReadOnlySet<string>>());

    private TestWorld Add(string table, params object?[] values)
    {
        _rows[table].Add(values);
        return this;
    }
}
