using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Demo;

/// <summary>
/// The data graph over the demo warehouse (docs/examples/demo.graph.json holds the same graph as JSON; a test keeps
/// them equal). Trait names are the column names for plain columns; nested traits get names of their own.
/// </summary>
public static class DemoGraph
{
    public static DataGraph Graph { get; } = Build();

    private static DataGraph Build() => new()
    {
        Profile = new ProfileSource
        {
            Table = "profiles",
            IdColumn = "profile_id",
            TraitsColumn = "traits",
            Traits =
            [
                ColumnTrait("email", DataType.String), ColumnTrait("first_name", DataType.String), ColumnTrait("plan", DataType.String),
                ColumnTrait("role", DataType.String), ColumnTrait("lifetime_value", DataType.Number), ColumnTrait("credit_limit", DataType.Number),
                ColumnTrait("birthday", DataType.Date), ColumnTrait("signed_up_at", DataType.Timestamp), ColumnTrait("is_vip", DataType.Boolean),
                ColumnTrait("preferred_contact_time", DataType.Time),
                PathTrait("city", DataType.String, "address.city"), PathTrait("country", DataType.String, "address.country"),
                PathTrait("loyalty_tier", DataType.String, "loyalty.tier"), PathTrait("loyalty_points", DataType.Number, "loyalty.points"),
                PathTrait("last_seen_at", DataType.Timestamp, "last_seen_at"), PathTrait("favorite_color", DataType.String, "favorite_color"),
            ],
        },
        Events = new EventSource
        {
            Table = "events",
            ProfileIdColumn = "profile_id",
            NameColumn = "event",
            TimestampColumn = "occurred_at",
            PropertiesColumn = "properties",
            ContextColumn = "context",
            Properties =
            [
                Property("amount", DataType.Number), Property("product", DataType.String), Property("currency", DataType.String),
                Property("coupon", DataType.String), Property("is_gift", DataType.Boolean),
            ],
            Context = [Property("locale", DataType.String), Property("channel", DataType.String)],
        },
        Entities =
        [
            Entity("account", "Account", "accounts", "account_id",
                ("account_id", DataType.Number), ("profile_id", DataType.String), ("plan", DataType.String), ("status", DataType.String), ("region", DataType.String),
                ("credit_limit", DataType.Number), ("opened_at", DataType.Timestamp)),
            Entity("household", "Household", "households", "household_id",
                ("household_id", DataType.Number), ("city", DataType.String), ("size", DataType.Number), ("created_on", DataType.Date)),
            Entity("pet", "Pet", "pets", "pet_id",
                ("pet_id", DataType.Number), ("household_id", DataType.Number), ("type", DataType.String), ("name", DataType.String), ("age", DataType.Number), ("adopted_on", DataType.Date)),
            Entity("credit_card", "Credit card", "credit_cards", "card_id",
                ("card_id", DataType.Number), ("account_id", DataType.Number), ("balance_status", DataType.String), ("balance", DataType.Number), ("card_limit", DataType.Number),
                ("network", DataType.String), ("is_active", DataType.Boolean), ("issued_at", DataType.Timestamp), ("expires_on", DataType.Date)),
            Entity("subscription", "Subscription", "subscriptions", "subscription_id",
                ("subscription_id", DataType.Number), ("account_id", DataType.Number), ("tier", DataType.String), ("monthly_price", DataType.Number), ("started_at", DataType.Timestamp)),
            Entity("transaction", "Transaction", "transactions", "transaction_id",
                ("transaction_id", DataType.Number), ("card_id", DataType.Number), ("amount", DataType.Number), ("merchant", DataType.String), ("category", DataType.String),
                ("occurred_at", DataType.Timestamp), ("local_time", DataType.Time)),
            Entity("order", "Order", "orders", "order_id",
                ("order_id", DataType.Number), ("account_id", DataType.Number), ("status", DataType.String), ("total", DataType.Number), ("ordered_at", DataType.Timestamp)),
            Entity("sale", "Sale", "sales", "sale_id",
                ("sale_id", DataType.Number), ("profile_id", DataType.String), ("amount", DataType.Number), ("sold_at", DataType.Timestamp)),
            Entity("wishlist_item", "Wishlist item", "wishlist_items", "item_id",
                ("item_id", DataType.Number), ("profile_id", DataType.String), ("product", DataType.String), ("price", DataType.Number), ("added_at", DataType.Timestamp)),
        ],
        Relationships =
        [
            Join("profile_accounts", DataGraph.ProfileNode, "account", "profile_id", "profile_id"),
            new Relationship
            {
                Name = "profile_households",
                From = DataGraph.ProfileNode,
                To = "household",
                Junction = new JunctionTable { Table = "household_members", FromColumn = "profile_id", ToColumn = "household_id" },
            },
            Join("household_pets", "household", "pet", "household_id", "household_id"),
            Join("account_credit_cards", "account", "credit_card", "account_id", "account_id"),
            Join("account_subscriptions", "account", "subscription", "account_id", "account_id"),
            Join("account_orders", "account", "order", "account_id", "account_id"),
            Join("credit_card_transactions", "credit_card", "transaction", "card_id", "card_id"),
            Join("profile_sales", DataGraph.ProfileNode, "sale", "profile_id", "profile_id"),
            Join("profile_wishlist_items", DataGraph.ProfileNode, "wishlist_item", "profile_id", "profile_id"),
        ],
    };

    private static TraitDefinition ColumnTrait(string name, DataType type) => new() { Name = name, Type = type, Column = name };

    private static TraitDefinition PathTrait(string name, DataType type, string path) => new() { Name = name, Type = type, Path = path };

    private static EventPropertyDefinition Property(string name, DataType type) => new() { Name = name, Type = type };

    private static EntityDefinition Entity(string name, string label, string table, string primaryKey, params (string Name, DataType Type)[] columns) => new()
    {
        Name = name,
        Label = label,
        Table = table,
        PrimaryKey = primaryKey,
        Columns = [.. columns.Select(c => new ColumnDefinition { Name = c.Name, Type = c.Type })],
    };

    private static Relationship Join(string name, string from, string to, string fromColumn, string toColumn) => new()
    {
        Name = name,
        From = from,
        To = to,
        Join = new JoinColumns { FromColumn = fromColumn, ToColumn = toColumn },
    };
}
