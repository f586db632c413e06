namespace LinkedAudiences.Core.Demo;

/// <summary>accounts and what hangs under them: credit cards (and their transactions), subscriptions, orders.</summary>
internal static class DemoAccountRows
{
    public static IEnumerable<object?[]> Accounts(DemoWorld world)
    {
        foreach (var account in world.Accounts())
        {
            var r = world.Random(DemoStream.Account, account.AccountId);
            // A handful of orphaned accounts (no profile) exist in every real warehouse; they must never match anyone.
            var orphan = r.PerMille(5);
            yield return
            [
                account.AccountId,
                orphan ? null : DemoWorld.ProfileId(account.Profile.Index),
                r.Percent(70) ? DemoVocabulary.Plans[account.Profile.Plan] : DemoVocabulary.Plans[r.Weighted(DemoVocabulary.PlanWeights)],
                DemoVocabulary.AccountStatuses[account.Shape.Status],
                r.Percent(3) ? null : r.Pick(DemoVocabulary.Regions),
                r.Percent(5) ? null : DemoMoney.FromCents(r.Between(10, 1_000) * 10_000),
                world.Clock.Uniform(ref r),
            ];
        }
    }

    public static IEnumerable<object?[]> CreditCards(DemoWorld world)
    {
        foreach (var card in world.Cards())
        {
            var r = world.Random(DemoStream.Card, card.CardId);
            var limitCents = r.Between(1, 40) * 50_000L;
            var status = r.Weighted([38, 60, 2]);
            decimal? balance = status switch
            {
                // A few cards run over their limit: a column-to-column reference (balance > card_limit) finds them.
                0 => DemoMoney.FromCents(r.Percent(3) ? limitCents + r.Between(100, 50_000) : r.Between(100, limitCents)),
                1 => 0.00m,
                _ => null,
            };
            var issued = world.Clock.Uniform(ref r);
            yield return
            [
                card.CardId,
                card.Account.AccountId,
                status switch { 0 => "Outstanding", 1 => "Paid", _ => null },
                balance,
                DemoMoney.FromCents(limitCents),
                r.Pick(DemoVocabulary.CardNetworks),
                r.Percent(85),
                issued,
                DateOnly.FromDateTime(issued).AddMonths(r.Between(12, 60)),
            ];
        }
    }

    public static IEnumerable<object?[]> Subscriptions(DemoWorld world)
    {
        long subscriptionId = 0;
        foreach (var account in world.Accounts())
        {
            for (var k = 0; k < account.Shape.Subscriptions; k++)
            {
                subscriptionId++;
                var r = world.Random(DemoStream.Subscription, subscriptionId);
                var tier = r.Weighted([50, 35, 15]);
                var price = tier switch
                {
                    0 => r.Percent(50) ? 7.99m : 9.99m,
                    1 => r.Percent(50) ? 19.99m : 24.99m,
                    _ => r.Percent(50) ? 39.99m : 49.99m,
                };
                yield return [subscriptionId, account.AccountId, DemoVocabulary.SubscriptionTiers[tier], price, world.Clock.Recent(ref r)];
            }
        }
    }

    public static IEnumerable<object?[]> Transactions(DemoWorld world)
    {
        long transactionId = 0;
        foreach (var card in world.Cards())
        {
            // Big spenders' amounts lean large so that "over $1,000 in the last 90 days" has members.
            int[] weights = card.Account.Profile.BigSpender ? [30, 40, 30] : [70, 25, 5];
            for (var k = 0; k < card.Transactions; k++)
            {
                transactionId++;
                var r = world.Random(DemoStream.Transaction, transactionId);
                var (merchant, category) = r.Pick(DemoVocabulary.Merchants);
                yield return
                [
                    transactionId,
                    card.CardId,
                    DemoMoney.Tiered(ref r, weights, [1, 60, 400, 2_000]),
                    merchant,
                    category,
                    world.Clock.Recent(ref r),
                    DemoClock.TimeOfDay(ref r, 6, 24),
                ];
            }
        }
    }

    public static IEnumerable<object?[]> Orders(DemoWorld world)
    {
        long orderId = 0;
        foreach (var account in world.Accounts())
        {
            for (var k = 0; k < account.Shape.Orders; k++)
            {
                orderId++;
                var r = world.Random(DemoStream.Order, orderId);
                yield return
                [
                    orderId,
                    account.AccountId,
                    DemoVocabulary.OrderStatuses[r.Weighted([20, 70, 10])],
                    DemoMoney.Tiered(ref r, [60, 30, 10], [5, 100, 500, 1_500]),
                    world.Clock.Recent(ref r),
                ];
            }
        }
    }
}
