namespace LinkedAudiences.Core.Demo;

/// <summary>What profiles do: brokers' sales, wishlist items and the event stream with JSON properties and context.</summary>
internal static class DemoActivityRows
{
    public static IEnumerable<object?[]> Sales(DemoWorld world)
    {
        long saleId = 0;
        for (var i = 0; i < world.ProfileCount; i++)
        {
            var shape = world.Profile(i);
            for (var k = 0; k < shape.Sales; k++)
            {
                saleId++;
                var r = world.Random(DemoStream.Sale, saleId);
                yield return
                [
                    saleId,
                    DemoWorld.ProfileId(i),
                    DemoMoney.Tiered(ref r, [60, 30, 10], [50_000, 300_000, 800_000, 2_000_000]),
                    world.Clock.Recent(ref r),
                ];
            }
        }
    }

    public static IEnumerable<object?[]> WishlistItems(DemoWorld world)
    {
        long itemId = 0;
        for (var i = 0; i < world.ProfileCount; i++)
        {
            var shape = world.Profile(i);
            for (var k = 0; k < shape.WishlistItems; k++)
            {
                itemId++;
                var r = world.Random(DemoStream.WishlistItem, itemId);
                var (product, price) = r.Pick(DemoVocabulary.Products);
                // Prices drift a little from list price, as they do.
                yield return [itemId, DemoWorld.ProfileId(i), product, DemoMoney.FromCents((price * 100L) - r.Between(0, 20) * 100L + 99), world.Clock.Recent(ref r)];
            }
        }
    }

    public static IEnumerable<object?[]> Events(DemoWorld world)
    {
        using var json = new DemoJson();
        long eventId = 0;
        for (var i = 0; i < world.ProfileCount; i++)
        {
            var shape = world.Profile(i);
            for (var k = 0; k < shape.Events; k++)
            {
                eventId++;
                var r = world.Random(DemoStream.Event, eventId);
                var name = r.Weighted(DemoVocabulary.EventWeights);
                yield return
                [
                    eventId,
                    DemoWorld.ProfileId(i),
                    DemoVocabulary.EventNames[name],
                    world.Clock.Recent(ref r),
                    Properties(json, name, ref r),
                    r.Percent(3) ? null : Context(json, ref r),
                ];
            }
        }
    }

    private static string Properties(DemoJson json, int name, ref DemoRandom r)
    {
        var w = json.Begin();
        switch (name)
        {
            case 0: // Order Completed
                Amount(w, DemoMoney.Tiered(ref r, [60, 30, 10], [5, 100, 500, 1_500]), ref r);
                w.WriteString("product", r.Pick(DemoVocabulary.Products).Product);
                w.WriteString("currency", r.Pick(DemoVocabulary.Currencies));
                if (r.Percent(30))
                {
                    w.WriteString("coupon", r.Pick(DemoVocabulary.Coupons));
                }

                if (r.Percent(90))
                {
                    w.WriteBoolean("is_gift", r.Percent(15));
                }

                break;
            case 1: // Product Viewed
                var (product, price) = r.Pick(DemoVocabulary.Products);
                w.WriteString("product", product);
                if (r.Percent(80))
                {
                    Amount(w, DemoMoney.FromCents((price * 100L) - 1), ref r);
                    w.WriteString("currency", r.Pick(DemoVocabulary.Currencies));
                }

                break;
            case 3: // Card Payment
                Amount(w, DemoMoney.Tiered(ref r, [70, 25, 5], [1, 60, 400, 2_000]), ref r);
                w.WriteString("currency", r.Pick(DemoVocabulary.Currencies));
                break;
            default: // Signed In carries no properties.
                break;
        }

        return json.End();
    }

    /// <summary>One amount in a hundred arrives as a string (a wrong JSON kind, which counts as missing).</summary>
    private static void Amount(System.Text.Json.Utf8JsonWriter w, decimal amount, ref DemoRandom r)
    {
        if (r.Percent(1))
        {
            w.WriteString("amount", amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNumber("amount", amount);
        }
    }

    private static string Context(DemoJson json, ref DemoRandom r)
    {
        var w = json.Begin();
        w.WriteString("locale", r.Pick(DemoVocabulary.Locales));
        if (r.Percent(95))
        {
            w.WriteString("channel", r.Pick(DemoVocabulary.Channels));
        }

        return json.End();
    }
}
