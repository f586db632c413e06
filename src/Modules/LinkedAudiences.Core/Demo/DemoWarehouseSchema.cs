using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Demo;

/// <summary>The demo warehouse's tables (default schema), in the order the generator yields them.</summary>
public static class DemoWarehouseSchema
{
    public static TableSchema Profiles { get; } = Table("profiles",
        ("profile_id", WarehouseColumnType.Varchar), ("email", WarehouseColumnType.Varchar), ("first_name", WarehouseColumnType.Varchar), ("plan", WarehouseColumnType.Varchar), ("role", WarehouseColumnType.Varchar),
        ("lifetime_value", WarehouseColumnType.Decimal), ("credit_limit", WarehouseColumnType.Decimal), ("birthday", WarehouseColumnType.Date), ("signed_up_at", WarehouseColumnType.Timestamp),
        ("is_vip", WarehouseColumnType.Boolean), ("preferred_contact_time", WarehouseColumnType.Time), ("traits", WarehouseColumnType.Json));

    public static TableSchema Accounts { get; } = Table("accounts",
        ("account_id", WarehouseColumnType.BigInt), ("profile_id", WarehouseColumnType.Varchar), ("plan", WarehouseColumnType.Varchar), ("status", WarehouseColumnType.Varchar), ("region", WarehouseColumnType.Varchar),
        ("credit_limit", WarehouseColumnType.Decimal), ("opened_at", WarehouseColumnType.Timestamp));

    public static TableSchema Households { get; } = Table("households",
        ("household_id", WarehouseColumnType.BigInt), ("city", WarehouseColumnType.Varchar), ("size", WarehouseColumnType.BigInt), ("created_on", WarehouseColumnType.Date));

    public static TableSchema HouseholdMembers { get; } = Table("household_members",
        ("household_id", WarehouseColumnType.BigInt), ("profile_id", WarehouseColumnType.Varchar));

    public static TableSchema Pets { get; } = Table("pets",
        ("pet_id", WarehouseColumnType.BigInt), ("household_id", WarehouseColumnType.BigInt), ("type", WarehouseColumnType.Varchar), ("name", WarehouseColumnType.Varchar), ("age", WarehouseColumnType.Decimal), ("adopted_on", WarehouseColumnType.Date));

    public static TableSchema CreditCards { get; } = Table("credit_cards",
        ("card_id", WarehouseColumnType.BigInt), ("account_id", WarehouseColumnType.BigInt), ("balance_status", WarehouseColumnType.Varchar), ("balance", WarehouseColumnType.Decimal), ("card_limit", WarehouseColumnType.Decimal),
        ("network", WarehouseColumnType.Varchar), ("is_active", WarehouseColumnType.Boolean), ("issued_at", WarehouseColumnType.Timestamp), ("expires_on", WarehouseColumnType.Date));

    public static TableSchema Subscriptions { get; } = Table("subscriptions",
        ("subscription_id", WarehouseColumnType.BigInt), ("account_id", WarehouseColumnType.BigInt), ("tier", WarehouseColumnType.Varchar), ("monthly_price", WarehouseColumnType.Decimal), ("started_at", WarehouseColumnType.Timestamp));

    public static TableSchema Transactions { get; } = Table("transactions",
        ("transaction_id", WarehouseColumnType.BigInt), ("card_id", WarehouseColumnType.BigInt), ("amount", WarehouseColumnType.Decimal), ("merchant", WarehouseColumnType.Varchar), ("category", WarehouseColumnType.Varchar),
        ("occurred_at", WarehouseColumnType.Timestamp), ("local_time", WarehouseColumnType.Time));

    public static TableSchema Orders { get; } = Table("orders",
        ("order_id", WarehouseColumnType.BigInt), ("account_id", WarehouseColumnType.BigInt), ("status", WarehouseColumnType.Varchar), ("total", WarehouseColumnType.Decimal), ("ordered_at", WarehouseColumnType.Timestamp));

    public static TableSchema Sales { get; } = Table("sales",
        ("sale_id", WarehouseColumnType.BigInt), ("profile_id", WarehouseColumnType.Varchar), ("amount", WarehouseColumnType.Decimal), ("sold_at", WarehouseColumnType.Timestamp));

    public static TableSchema WishlistItems { get; } = Table("wishlist_items",
        ("item_id", WarehouseColumnType.BigInt), ("profile_id", WarehouseColumnType.Varchar), ("product", WarehouseColumnType.Varchar), ("price", WarehouseColumnType.Decimal), ("added_at", WarehouseColumnType.Timestamp));

    public static TableSchema Events { get; } = Table("events",
        ("event_id", WarehouseColumnType.BigInt), ("profile_id", WarehouseColumnType.Varchar), ("event", WarehouseColumnType.Varchar), ("occurred_at", WarehouseColumnType.Timestamp), ("properties", WarehouseColumnType.Json), ("context", WarehouseColumnType.Json));

    public static IReadOnlyList<TableSchema> All { get; } =
    [
        Profiles, Accounts, Households, HouseholdMembers, Pets, CreditCards, Subscriptions, Transactions, Orders, Sales,
        WishlistItems, Events,
    ];

    private static TableSchema Table(string name, params (string Name, WarehouseColumnType Type)[] columns) =>
        new(null, name, [.. columns.Select(c => new ColumnSchema(c.Name, c.Type))]);
}
