using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Snapshots;

/// <summary>
/// One member's row of an audience's snapshot at a given (committed) version: a single keyed lookup, for templates and
/// workflow tasks that ask about one profile at a time. Reads the snapshot table itself rather than the membership
/// view, so the caller's version (the app state store's committed one) decides, not the warehouse's copy of the pointer.
/// </summary>
public sealed class SnapshotMembership(IWarehouse warehouse, SnapshotOptions? options = null)
{
    private readonly SnapshotTables _tables = new(warehouse.Dialect, options ?? new SnapshotOptions());

    /// <returns>The member's profile key (the member key itself when the snapshot holds none), or null when it is not a member.</returns>
    public async Task<string?> FindProfileKeyAsync(string audienceKey, long version, string memberKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(audienceKey);
        ArgumentNullException.ThrowIfNull(memberKey);
        if (version <= 0)
        {
            return null;
        }

        var sql = new BoundSql(warehouse.Dialect);
        var query = sql.Render($"""
            SELECT s.member_key, s.profile_key FROM {_tables.Members} AS s
            WHERE s.audience_key = {sql.Text(audienceKey)} AND s.version = {sql.BigInt(version)} AND s.member_key = {sql.Text(memberKey)}
            {warehouse.Dialect.Limit(1)}
            """);
        await foreach (var row in warehouse.QueryAsync(query, cancellationToken))
        {
            return row[1] as string ?? row[0] as string ?? memberKey;
        }

        return null;
    }
}
