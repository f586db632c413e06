namespace LinkedAudiences.Core.Demo;

/// <summary>
/// Generates the demo warehouse described by <see cref="DemoGraph"/>: profiles, their accounts, households, cards,
/// transactions, sales, wishlists and events, over the two years before the anchor. Deterministic for
/// (seed, profiles, anchor); rows are produced lazily while enumerated, so a million profiles
/// (about 25 million rows) stream through in constant memory. Each table can be enumerated alone, again, or in any order.
/// </summary>
public static class DemoWarehouseGenerator
{
    public static IEnumerable<DemoTable> Generate(DemoWarehouseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Profiles);
        var world = new DemoWorld(options);
        return
        [
            new(DemoWarehouseSchema.Profiles, DemoProfileRows.Profiles(world)),
            new(DemoWarehouseSchema.Accounts, DemoAccountRows.Accounts(world)),
            new(DemoWarehouseSchema.Households, DemoHouseholdRows.Households(world)),
            new(DemoWarehouseSchema.HouseholdMembers, DemoHouseholdRows.Members(world)),
            new(DemoWarehouseSchema.Pets, DemoHouseholdRows.Pets(world)),
            new(DemoWarehouseSchema.CreditCards, DemoAccountRows.CreditCards(world)),
            new(DemoWarehouseSchema.Subscriptions, DemoAccountRows.Subscriptions(world)),
            new(DemoWarehouseSchema.Transactions, DemoAccountRows.Transactions(world)),
            new(DemoWarehouseSchema.Orders, DemoAccountRows.Orders(world)),
            new(DemoWarehouseSchema.Sales, DemoActivityRows.Sales(world)),
            new(DemoWarehouseSchema.WishlistItems, DemoActivityRows.WishlistItems(world)),
            new(DemoWarehouseSchema.Events, DemoActivityRows.Events(world)),
        ];
    }

    /// <summary>One table by name ("transactions"...), or null when the demo world has no such table.</summary>
    public static DemoTable? Table(DemoWarehouseOptions options, string name) =>
        Generate(options).FirstOrDefault(t => string.Equals(t.Schema.Name, name, StringComparison.Ordinal));
}
