namespace LinkedAudiences.Core.Demo;

/// <summary>
/// A tiny SplitMix64 generator keyed by (seed, stream, index). Every row and every "shape" (how many children a
/// parent has) draws from its own stream, so any table can be regenerated on its own and agrees with the others
/// about ids, whatever order the tables are read in. Only integer arithmetic, so the data is the same on every
/// platform and runtime (System.Random's seeded algorithm and Math.Exp/Log are not promised to stay put).
/// </summary>
internal struct DemoRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    private ulong _state;

    public DemoRandom(int seed, DemoStream stream, long index)
    {
        _state = Mix(Mix(((ulong)(uint)seed << 32) | (uint)stream) ^ ((ulong)index * Golden));
    }

    public ulong NextUInt64()
    {
        _state += Golden;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>).</summary>
    public long NextLong(long maxExclusive) =>
        maxExclusive <= 1 ? 0 : (long)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    public long Between(long min, long maxInclusive) => min + NextLong(maxInclusive - min + 1);

    public int Between(int min, int maxInclusive) => (int)Between((long)min, maxInclusive);

    /// <summary>True with probability <paramref name="percent"/>/1000 (per mille keeps it integer).</summary>
    public bool PerMille(int perMille) => NextLong(1000) < perMille;

    public bool Percent(int percent) => NextLong(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[(int)NextLong(items.Count)];

    /// <summary>Index chosen with integer weights.</summary>
    public int Weighted(ReadOnlySpan<int> weights)
    {
        var total = 0;
        foreach (var w in weights)
        {
            total += w;
        }

        var roll = (int)NextLong(total);
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>One independent random stream per kind of thing generated; values are part of the data's identity, never reorder.</summary>
internal enum DemoStream : uint
{
    ProfileShape = 1,
    Profile = 2,
    AccountShape = 3,
    Account = 4,
    HouseholdShape = 5,
    Household = 6,
    Pet = 7,
    CardShape = 8,
    Card = 9,
    Subscription = 10,
    Transaction = 11,
    Order = 12,
    Sale = 13,
    WishlistItem = 14,
    Event = 15,
}
