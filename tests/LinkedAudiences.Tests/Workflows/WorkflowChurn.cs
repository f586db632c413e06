using LinkedAudiences.Tests.Runs;

namespace LinkedAudiences.Tests.Workflows;

/// <summary>
/// Scripted churn of the seeds' use case 1 audience (profiles with an account holding an outstanding credit card) in a
/// demo warehouse: one profile joins, one leaves, and one member keeps its account but loses one of two cards.
/// </summary>
internal sealed record WorkflowChurn(string Joiner, string Leaver, string Stayer, long JoinerCard, long LeaverCard, long StayerCard)
{
    private const string Members = """
        SELECT a.profile_id FROM accounts a JOIN credit_cards c ON c.account_id = a.account_id WHERE c.balance_status = 'Outstanding'
        """;

    public static async Task<WorkflowChurn> ApplyAsync(string warehouse)
    {
        // A profile outside the audience with an account and a card: its card becomes outstanding.
        var joiner = await FirstAsync(warehouse, $"""
            SELECT a.profile_id, MIN(c.card_id) FROM accounts a JOIN credit_cards c ON c.account_id = a.account_id
            WHERE a.profile_id NOT IN ({Members}) GROUP BY a.profile_id ORDER BY a.profile_id LIMIT 1
            """);
        // A member whose only outstanding card is paid off.
        var leaver = await FirstAsync(warehouse, """
            SELECT a.profile_id, MIN(c.card_id) FROM accounts a JOIN credit_cards c ON c.account_id = a.account_id
            WHERE c.balance_status = 'Outstanding' GROUP BY a.profile_id HAVING COUNT(*) = 1 ORDER BY a.profile_id LIMIT 1
            """);
        // A member with two outstanding cards on one account (and no other outstanding card): one is paid off.
        var stayer = await FirstAsync(warehouse, """
            SELECT a.profile_id, MIN(c.card_id) FROM accounts a JOIN credit_cards c ON c.account_id = a.account_id
            WHERE c.balance_status = 'Outstanding' GROUP BY a.profile_id HAVING COUNT(*) = 2 AND COUNT(DISTINCT a.account_id) = 1 ORDER BY a.profile_id LIMIT 1
            """);

        await RunsSupport.ExecuteAsync(warehouse, $"UPDATE credit_cards SET balance_status = 'Outstanding' WHERE card_id = {joiner.Card}");
        await RunsSupport.ExecuteAsync(warehouse, $"UPDATE credit_cards SET balance_status = 'Paid' WHERE card_id IN ({leaver.Card}, {stayer.Card})");
        return new WorkflowChurn(joiner.Profile, leaver.Profile, stayer.Profile, joiner.Card, leaver.Card, stayer.Card);
    }

    private static async Task<(string Profile, long Card)> FirstAsync(string warehouse, string sql)
    {
        await using var db = await LinkedAudiences.Warehouses.DuckDb.DuckDbWarehouse.OpenAsync(warehouse, Core.Sql.Dialects.DuckDbDialect.Instance, CancellationToken.None);
        await foreach (var row in db.QueryAsync(new Core.Sql.SqlQuery(sql, []), CancellationToken.None))
        {
            return ((string)row[0]!, Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        throw new InvalidOperationException("The demo warehouse has no candidate for: " + sql);
    }
}
