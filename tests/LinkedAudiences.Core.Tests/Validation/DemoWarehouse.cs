using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Tests.Validation;

/// <summary>What introspecting the demo warehouse reports (DuckDB spelling, default schema "main").</summary>
internal static class DemoWarehouse
{
    public static IReadOnlyList<WarehouseTable> Tables { get; } =
    [
        Table("profiles", Str("profile_id"), Str("email"), Str("first_name"), Str("plan"), Str("role"), Dec("lifetime_value"), Dec("credit_limit"),
            Col("birthday", "DATE", DataType.Date), Col("signed_up_at", "TIMESTAMP", DataType.Timestamp), Col("is_vip", "BOOLEAN", DataType.Boolean),
            Col("preferred_contact_time", "TIME", DataType.Time), Json("traits")),
        Table("events", Big("event_id"), Str("profile_id"), Str("event"), Col("occurred_at", "TIMESTAMP", DataType.Timestamp), Json("properties"), Json("context")),
        Table("accounts", Big("account_id"), Str("profile_id"), Str("plan"), Str("status"), Str("region"), Dec("credit_limit"), Col("opened_at", "TIMESTAMP", DataType.Timestamp)),
        Table("households", Big("household_id"), Str("city"), Big("size"), Col("created_on", "DATE", DataType.Date)),
        Table("household_members", Big("household_id"), Str("profile_id")),
        Table("pets", Big("pet_id"), Big("household_id"), Str("type"), Str("name"), Dec("age"), Col("adopted_on", "DATE", DataType.Date)),
        Table("credit_cards", Big("card_id"), Big("account_id"), Str("balance_status"), Dec("balance"), Dec("card_limit"), Str("network"),
            Col("is_active", "BOOLEAN", DataType.Boolean), Col("issued_at", "TIMESTAMP", DataType.Timestamp), Col("expires_on", "DATE", DataType.Date)),
        Table("subscriptions", Big("subscription_id"), Big("account_id"), Str("tier"), Dec("monthly_price"), Col("started_at", "TIMESTAMP", DataType.Timestamp)),
        Table("transactions", Big("transaction_id"), Big("card_id"), Dec("amount"), Str("merchant"), Str("category"),
            Col("occurred_at", "TIMESTAMP", DataType.Timestamp), Col("local_time", "TIME", DataType.Time)),
        Table("orders", Big("order_id"), Big("account_id"), Str("status"), Dec("total"), Col("ordered_at", "TIMESTAMP", DataType.Timestamp)),
        Table("sales", Big("sale_id"), Str("profile_id"), Dec("amount"), Col("sold_at", "TIMESTAMP", DataType.Timestamp)),
        Table("wishlist_items", Big("item_id"), Str("profile_id"), Str("product"), Dec("price"), Col("added_at", "TIMESTAMP", DataType.Timestamp)),
    ];

    /// <summary>The demo tables with one table replaced.</summary>
    public static IReadOnlyList<WarehouseTable> With(WarehouseTable replacement) =>
        [.. Tables.Select(t => t.Name == replacement.Name ? replacement : t)];

    /// <summary>The demo tables with one column of one table replaced (or removed when <paramref name="column"/> is null).</summary>
    public static IReadOnlyList<WarehouseTable> WithColumn(string table, string name, WarehouseColumn? column)
    {
        var original = Tables.Single(t => t.Name == table);
        var columns = original.Columns.Where(c => c.Name != name).ToList();
        if (column is not null)
        {
            columns.Add(column);
        }

        return With(original with { Columns = columns });
    }

    public static IReadOnlyList<WarehouseTable> Without(string table) => [.. Tables.Where(t => t.Name != table)];

    public static WarehouseTable Table(string name, params WarehouseColumn[] columns) => new("main", name, columns);

    public static WarehouseColumn Str(string name) => new(name, "VARCHAR", DataType.String);

    public static WarehouseColumn Dec(string name) => new(name, "DECIMAL(18,2)", DataType.Number);

    public static WarehouseColumn Big(string name) => new(name, "BIGINT", DataType.Number);

    public static WarehouseColumn Json(string name) => new(name, "JSON", null, IsJson: true);

    public static WarehouseColumn Col(string name, string native, DataType type) => new(name, native, type);
}
