namespace LinkedAudiences.Core.Demo;

/// <summary>
/// The skeleton every table is generated from: how many accounts, cards, households... each parent has, and the
/// sequential ids that follow from it. Each table walks the skeleton again instead of remembering it, which keeps
/// memory flat at any size and makes every table independent of the order tables are read in.
/// </summary>
internal sealed class DemoWorld(DemoWarehouseOptions options)
{
    public int Seed { get; } = options.Seed;

    public int ProfileCount { get; } = options.Profiles;

    public DemoClock Clock { get; } = new(options.Anchor);

    public DemoRandom Random(DemoStream stream, long index) => new(Seed, stream, index);

    public static string ProfileId(int index) =>
        "u" + (index + 1).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    public ProfileShape Profile(int index)
    {
        var r = Random(DemoStream.ProfileShape, index);
        var plan = r.Weighted(DemoVocabulary.PlanWeights);
        var isBroker = r.PerMille(50);
        var accounts = r.Weighted([15, 55, 22, 8]);
        var housed = r.Percent(72);
        var city = (int)r.NextLong(DemoVocabulary.Cities.Length);
        var bigSpender = r.Percent(plan >= 2 ? 25 : 8);
        var sales = isBroker ? r.Between(2, 40) : 0;
        var wishlist = r.Percent(55) ? r.Between(1, 6) : 0;
        var events = r.Weighted([12, 30, 38, 20]) switch
        {
            0 => 0,
            1 => r.Between(1, 3),
            2 => r.Between(4, 8),
            _ => r.Between(9, 16),
        };
        return new ProfileShape(index, plan, isBroker, isBroker ? Math.Max(1, accounts) : accounts, housed, city, bigSpender, sales, wishlist, events);
    }

    public AccountShape Account(long accountId)
    {
        var r = Random(DemoStream.AccountShape, accountId);
        var status = r.Weighted([75, 15, 10]);
        var cards = status == 1 ? r.Weighted([60, 30, 8, 2]) : r.Weighted([30, 45, 18, 7]);
        var subscriptions = r.Weighted([40, 45, 15]);
        var orders = r.Weighted([25, 20, 20, 15, 20]) is var o && o < 4 ? o : r.Between(4, 8);
        return new AccountShape(status, cards, subscriptions, orders);
    }

    public int CardTransactions(long cardId)
    {
        var r = Random(DemoStream.CardShape, cardId);
        return r.Weighted([12, 38, 35, 15]) switch
        {
            0 => 0,
            1 => r.Between(1, 5),
            2 => r.Between(6, 15),
            _ => r.Between(16, 30),
        };
    }

    public HouseholdShape Household(long householdId)
    {
        var r = Random(DemoStream.HouseholdShape, householdId);
        var empty = r.PerMille(40);
        var capacity = r.Weighted([35, 35, 18, 9, 3]) + 1;
        var secondary = r.Percent(8);
        var duplicate = r.Percent(2);
        var pets = r.Weighted([40, 35, 17, 8]);
        var extra = r.Between(0, 2);
        return new HouseholdShape(empty, capacity, secondary, duplicate, pets, extra);
    }

    public IEnumerable<AccountRef> Accounts()
    {
        long accountId = 0;
        for (var i = 0; i < ProfileCount; i++)
        {
            var profile = Profile(i);
            for (var k = 0; k < profile.Accounts; k++)
            {
                accountId++;
                yield return new AccountRef(accountId, profile, Account(accountId));
            }
        }
    }

    public IEnumerable<CardRef> Cards()
    {
        long cardId = 0;
        foreach (var account in Accounts())
        {
            for (var k = 0; k < account.Shape.Cards; k++)
            {
                cardId++;
                yield return new CardRef(cardId, account, CardTransactions(cardId));
            }
        }
    }

    /// <summary>
    /// Housed profiles fill households in profile order, each household up to its capacity. Some households have no
    /// profile at all, and some also count the first member of the previous household (a second home), so a few
    /// profiles belong to two households.
    /// </summary>
    public IEnumerable<HouseholdRef> Households()
    {
        long householdId = 0;
        var previousFirst = -1;
        var members = new List<int>(5);
        HouseholdShape shape = default;
        var open = false;
        for (var i = 0; i < ProfileCount; i++)
        {
            var profile = Profile(i);
            if (!profile.Housed)
            {
                continue;
            }

            while (!open)
            {
                householdId++;
                shape = Household(householdId);
                if (shape.Empty)
                {
                    yield return new HouseholdRef(householdId, shape, [], -1, -1);
                }
                else
                {
                    open = true;
                    members.Clear();
                }
            }

            members.Add(i);
            if (members.Count == shape.Capacity)
            {
                yield return Close();
                open = false;
            }
        }

        if (open)
        {
            yield return Close();
        }

        HouseholdRef Close()
        {
            var secondary = shape.HasSecondary ? previousFirst : -1;
            previousFirst = members[0];
            return new HouseholdRef(householdId, shape, [.. members], secondary, Profile(members[0]).City);
        }
    }
}

internal readonly record struct ProfileShape(
    int Index, int Plan, bool IsBroker, int Accounts, bool Housed, int City, bool BigSpender, int Sales, int WishlistItems, int Events);

/// <summary>Status indexes <see cref="DemoVocabulary.AccountStatuses"/> (closed accounts hold fewer cards).</summary>
internal readonly record struct AccountShape(int Status, int Cards, int Subscriptions, int Orders);

internal readonly record struct HouseholdShape(bool Empty, int Capacity, bool HasSecondary, bool DuplicateRow, int Pets, int ExtraSize);

internal readonly record struct AccountRef(long AccountId, ProfileShape Profile, AccountShape Shape);

internal readonly record struct CardRef(long CardId, AccountRef Account, int Transactions);

/// <summary>Members are profile indexes; <see cref="SecondaryMember"/> is -1 or a profile whose first household is another one.</summary>
internal readonly record struct HouseholdRef(long HouseholdId, HouseholdShape Shape, int[] Members, int SecondaryMember, int FirstMemberCity);
