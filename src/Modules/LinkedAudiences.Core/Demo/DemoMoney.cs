namespace LinkedAudiences.Core.Demo;

/// <summary>Amounts are drawn as whole cents and built with scale 2, exactly what DECIMAL(18,2) stores.</summary>
internal static class DemoMoney
{
    public static decimal FromCents(long cents) =>
        new(unchecked((int)(cents & 0xFFFFFFFF)), (int)(cents >> 32), 0, isNegative: false, scale: 2);

    public static decimal Dollars(ref DemoRandom random, long minDollars, long maxDollars) =>
        FromCents(random.Between(minDollars * 100, maxDollars * 100));

    /// <summary>A long-tailed amount: most small, some large, a few very large (a piecewise stand-in for a log-normal).</summary>
    public static decimal Tiered(ref DemoRandom random, ReadOnlySpan<int> weights, ReadOnlySpan<long> boundsInDollars)
    {
        var tier = random.Weighted(weights);
        return Dollars(ref random, boundsInDollars[tier], boundsInDollars[tier + 1]);
    }
}
