namespace LinkedAudiences.Core.Demo;

/// <summary>
/// profiles: plain trait columns (some null) and a JSON column of nested traits in which keys go missing, values
/// are sometimes JSON null, and a few loyalty points are strings (the wrong kind, which counts as missing).
/// </summary>
internal static class DemoProfileRows
{
    public static IEnumerable<object?[]> Profiles(DemoWorld world)
    {
        using var json = new DemoJson();
        for (var i = 0; i < world.ProfileCount; i++)
        {
            var shape = world.Profile(i);
            var r = world.Random(DemoStream.Profile, i);
            var first = r.Pick(DemoVocabulary.FirstNames);
            var last = r.Pick(DemoVocabulary.LastNames);
            var premium = shape.Plan >= 2;
            yield return
            [
                DemoWorld.ProfileId(i),
                r.Percent(3) ? null : Email(first, last, i, ref r),
                r.Percent(2) ? null : first,
                r.Percent(1) ? null : DemoVocabulary.Plans[shape.Plan],
                shape.IsBroker ? "broker" : "customer",
                r.Percent(5) ? null : DemoMoney.Tiered(ref r, [50, 35, 15], [0, 500, 5_000, 50_000]),
                r.Percent(10) ? null : DemoMoney.FromCents(r.Between(5, 500) * 10_000),
                r.Percent(8) ? null : new DateOnly(1950, 1, 1).AddDays(r.Between(0, 20_800)),
                world.Clock.Uniform(ref r),
                r.Percent(5) ? null : r.Percent(premium ? 30 : 5),
                r.Percent(15) ? null : new TimeOnly(r.Between(7, 21), 15 * r.Between(0, 3), 0),
                r.Percent(3) ? null : Traits(json, shape, world.Clock, ref r),
            ];
        }
    }

    private static string Email(string first, string last, int index, ref DemoRandom r) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{index + 1}@{r.Pick(DemoVocabulary.EmailDomains)}");

    private static string Traits(DemoJson json, ProfileShape shape, DemoClock clock, ref DemoRandom r)
    {
        var w = json.Begin();
        if (r.Percent(95))
        {
            var (city, country) = DemoVocabulary.Cities[shape.City];
            w.WriteStartObject("address");
            switch (r.Weighted([96, 2, 2]))
            {
                case 0: w.WriteString("city", city); break;
                case 1: w.WriteNull("city"); break;
                default: break;
            }

            if (r.Percent(95))
            {
                w.WriteString("country", country);
            }

            w.WriteEndObject();
        }

        if (r.Percent(80))
        {
            w.WriteStartObject("loyalty");
            w.WriteString("tier", DemoVocabulary.LoyaltyTiers[Math.Min(3, shape.Plan + r.Between(0, 1))]);
            var points = r.Between(0, 50_000);
            switch (r.Weighted([97, 2, 1]))
            {
                case 0: w.WriteNumber("points", points); break;
                case 1: w.WriteString("points", points.ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
                default: w.WriteNull("points"); break;
            }

            w.WriteEndObject();
        }

        if (r.Percent(85))
        {
            w.WriteString("last_seen_at", DemoClock.Iso(clock.Recent(ref r)));
        }

        if (r.Percent(70))
        {
            w.WriteString("favorite_color", r.Pick(DemoVocabulary.Colors));
        }

        return json.End();
    }
}
