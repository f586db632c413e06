using System.Globalization;

namespace LinkedAudiences.Core.Tests.Oracle;

/// <summary>
/// Seeded random rows in the demo world's shape (until the demo generator lands), spanning the two years before the anchor,
/// with the messy parts the semantics care about: null columns, missing and wrongly typed JSON traits, lower-case "cat",
/// shared households and repeated junction rows, events without a coupon.
/// </summary>
internal static class RandomWorld
{
    private static readonly string[] s_plans = ["free", "pro", "platinum", "enterprise"];
    private static readonly string[] s_names = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken"];
    private static readonly string[] s_cities = ["Paris", "Lyon", "Berlin", "Madrid", "Austin", "Osaka"];
    private static readonly string[] s_countries = ["FR", "DE", "ES", "US", "JP"];
    private static readonly string[] s_tiers = ["Bronze", "Silver", "Gold"];
    private static readonly string[] s_colors = ["red", "green", "blue", "Teal"];
    private static readonly string[] s_statuses = ["active", "closed", "suspended"];
    private static readonly string[] s_regions = ["emea", "amer", "apac"];
    private static readonly string[] s_petTypes = ["Cat", "Dog", "Fish", "Bird", "cat"];
    private static readonly string[] s_networks = ["Visa", "Mastercard", "Amex"];
    private static readonly string[] s_merchants = ["Acme", "Globex", "Initech", "Umbrella", "Hooli"];
    private static readonly string[] s_categories = ["groceries", "travel", "dining", "fuel"];
    private static readonly string[] s_tiersSub = ["Basic", "Premium", "Gold"];
    private static readonly string[] s_orderStatuses = ["active", "completed", "cancelled"];
    private static readonly string[] s_products = ["Laptop", "Phone", "Desk", "Chair", "Lamp"];
    private static readonly string[] s_events = ["Order Completed", "Product Viewed", "Signed In", "Card Payment"];
    private static readonly string[] s_currencies = ["EUR", "USD"];
    private static readonly string[] s_locales = ["fr-FR", "en-US", "de-DE"];
    private static readonly string[] s_channels = ["web", "ios", "android"];

    public static TestWorld Build(int seed, int profiles)
    {
        var random = new Random(seed);
        var world = new TestWorld();
        var now = TestWorld.Now;
        DateTime Past() => now.AddMinutes(-random.Next(0, 2 * 365 * 24 * 60));
        T Pick<T>(T[] items) => items[random.Next(items.Length)];
        bool Chance(double p) => random.NextDouble() < p;
        decimal Money(int max) => Math.Round((decimal)(random.NextDouble() * max), 2);

        long accountId = 0, cardId = 0, transactionId = 0, subscriptionId = 0, orderId = 0, saleId = 0, itemId = 0, householdId = 0, petId = 0;
        var households = new List<long>();
        for (var i = 1; i <= profiles; i++)
        {
            var id = "u" + i.ToString("D7", CultureInfo.InvariantCulture);
            var broker = Chance(0.2);
            world.Profile(
                id,
                plan: Chance(0.9) ? Pick(s_plans) : null,
                traits: Chance(0.9) ? Traits(random, Past) : null,
                role: broker ? "broker" : "customer",
                lifetimeValue: Chance(0.9) ? Money(5000) : null,
                creditLimit: Chance(0.9) ? Money(20000) : null,
                birthday: Chance(0.9) ? new DateOnly(1950, 1, 1).AddDays(random.Next(0, 20000)) : null,
                signedUpAt: Past(),
                isVip: Chance(0.9) ? Chance(0.2) : null,
                contactTime: Chance(0.8) ? new TimeOnly(random.Next(24), random.Next(0, 4) * 15, 0) : null,
                email: id + "@example.com",
                firstName: Pick(s_names));

            for (var a = random.Next(0, 4); a > 0; a--)
            {
                var account = ++accountId;
                world.Account(account, id, Pick(s_statuses), Chance(0.9) ? Money(20000) : null, Past(), Pick(s_plans), Pick(s_regions));
                for (var c = random.Next(0, 4); c > 0; c--)
                {
                    var card = ++cardId;
                    world.Card(card, account, Chance(0.5) ? "Outstanding" : "Paid", Money(3000), Money(10000), Chance(0.8), Past(),
                        DateOnly.FromDateTime(now).AddDays(random.Next(-200, 1500)), Pick(s_networks));
                    for (var t = random.Next(0, 9); t > 0; t--)
                    {
                        world.Transaction(++transactionId, card, Chance(0.95) ? Money(500) : null, Past(), Pick(s_merchants), Pick(s_categories),
                            new TimeOnly(random.Next(24), random.Next(60), random.Next(60)));
                    }
                }

                for (var s = random.Next(0, 3); s > 0; s--)
                {
                    world.Subscription(++subscriptionId, account, Pick(s_tiersSub), Money(100), Past());
                }

                for (var o = random.Next(0, 5); o > 0; o--)
                {
                    world.Order(++orderId, account, Pick(s_orderStatuses), Money(900), Past());
                }
            }

            if (Chance(0.7))
            {
                // Join an existing household now and then, so some are shared; repeat a link now and then too.
                var household = households.Count > 0 && Chance(0.3) ? households[random.Next(households.Count)] : NewHousehold();
                world.HouseholdMember(household, id);
                if (Chance(0.1))
                {
                    world.HouseholdMember(household, id);
                }
            }

            for (var s = broker ? random.Next(0, 6) : 0; s > 0; s--)
            {
                world.Sale(++saleId, id, Money(100000), Past());
            }

            for (var w = random.Next(0, 4); w > 0; w--)
            {
                world.WishlistItem(++itemId, id, Pick(s_products), Money(800), Past());
            }

            for (var e = random.Next(0, 9); e > 0; e--)
            {
                world.Event(id, Pick(s_events), Past(), EventProperties(random), Chance(0.9)
                    ? $$"""{ "locale": "{{Pick(s_locales)}}", "channel": "{{Pick(s_channels)}}" }"""
                    : null);
            }
        }

        return world;

        long NewHousehold()
        {
            var household = ++householdId;
            households.Add(household);
            world.Household(household, Pick(s_cities), random.Next(1, 6), DateOnly.FromDateTime(Past()));
            for (var p = random.Next(0, 4); p > 0; p--)
            {
                world.Pet(++petId, household, Pick(s_petTypes), Pick(s_names), Math.Round((decimal)(random.NextDouble() * 15), 1),
                    DateOnly.FromDateTime(Past()));
            }

            return household;
        }

        string EventProperties(Random r)
        {
            var amount = Money(400).ToString(CultureInfo.InvariantCulture);
            var coupon = r.NextDouble() < 0.5 ? $$""", "coupon": "SAVE{{r.Next(1, 4) * 10}}" """ : string.Empty;
            return $$"""{ "amount": {{amount}}, "product": "{{Pick(s_products)}}", "currency": "{{Pick(s_currencies)}}", "is_gift": {{(r.NextDouble() < 0.3 ? "true" : "false")}}{{coupon}} }""";
        }
    }

    private static string Traits(Random random, Func<DateTime> past)
    {
        var parts = new List<string>();
        if (random.NextDouble() < 0.85)
        {
            parts.Add($"\"address\": {{ \"city\": \"{s_cities[random.Next(s_cities.Length)]}\", \"country\": \"{s_countries[random.Next(s_countries.Length)]}\" }}");
        }

        if (random.NextDouble() < 0.8)
        {
            // Now and then the points arrive as text: a NUMBER trait of the wrong JSON kind reads as missing.
            var points = random.NextDouble() < 0.1 ? "\"lots\"" : random.Next(0, 5000).ToString(CultureInfo.InvariantCulture);
            parts.Add($"\"loyalty\": {{ \"tier\": \"{s_tiers[random.Next(s_tiers.Length)]}\", \"points\": {points} }}");
        }

        if (random.NextDouble() < 0.7)
        {
            parts.Add($"\"last_seen_at\": \"{past().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\"");
        }

        parts.Add(random.NextDouble() < 0.6 ? $"\"favorite_color\": \"{s_colors[random.Next(s_colors.Length)]}\"" : "\"favorite_color\": null");
        return "{ " + string.Join(", ", parts) + " }";
    }
}
