using System.Data.Common;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Snapshots;

/// <summary>
/// The product's schema inside one warehouse: membership snapshots per audience and version, the pointer to each
/// audience's committed version, and the membership view over both. The app state store stays the source of truth
/// for the committed version; the pointer here is a copy refreshed at the start and end of every run.
/// </summary>
public sealed class WarehouseSnapshots
{
    private readonly IWarehouse _warehouse;

    public WarehouseSnapshots(IWarehouse warehouse, SnapshotOptions? options = null)
    {
        _warehouse = warehouse ?? throw new ArgumentNullException(nameof(warehouse));
        Tables = new SnapshotTables(warehouse.Dialect, options ?? new SnapshotOptions());
    }

    public SnapshotOptions Options => Tables.Options;

    internal SnapshotTables Tables { get; }

    private SqlDialect Dialect => _warehouse.Dialect;

    /// <summary>Creates the schema, tables and view where missing (idempotent).</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CreateAsync(cancellationToken);
        }
        catch (DbException)
        {
            // IF NOT EXISTS is not atomic on PostgreSQL: two runs creating the schema at once can collide. The
            // other one has created it by now; a second pass finds everything there or reports the real problem.
            await CreateAsync(cancellationToken);
        }
    }

    /// <summary>Points the membership view at <paramref name="version"/> of the audience; 0 (never committed) removes the pointer.</summary>
    public async Task SetCommittedVersionAsync(string audienceKey, long version, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(audienceKey);
        if (version <= 0)
        {
            var delete = new BoundSql(Dialect);
            await ExecuteAsync(delete, $"DELETE FROM {Tables.Committed} WHERE audience_key = {delete.Text(audienceKey)}", cancellationToken);
            return;
        }

        // Update, then insert when missing: each statement is atomic, so readers of the view never see the audience
        // without a version (a delete followed by an insert would show it empty in between).
        var update = new BoundSql(Dialect);
        await ExecuteAsync(update, $"UPDATE {Tables.Committed} SET version = {update.BigInt(version)} WHERE audience_key = {update.Text(audienceKey)}", cancellationToken);
        var insert = new BoundSql(Dialect);
        await ExecuteAsync(insert, $"""
            INSERT INTO {Tables.Committed} (audience_key, version)
            SELECT k.audience_key, k.version
            FROM (SELECT {insert.Text(audienceKey)} AS audience_key, {insert.BigInt(version)} AS version) AS k
            WHERE NOT EXISTS (SELECT 1 FROM {Tables.Committed} AS c WHERE c.audience_key = k.audience_key)
            """, cancellationToken);
    }

    /// <summary>Deletes the audience's snapshot rows of every version but <paramref name="keep"/> (0 keeps none).</summary>
    public async Task DeleteVersionsExceptAsync(string audienceKey, long keep, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(audienceKey);
        foreach (var table in new[] { Tables.Entities, Tables.Members })
        {
            var delete = new BoundSql(Dialect);
            await ExecuteAsync(delete, $"DELETE FROM {table} WHERE audience_key = {delete.Text(audienceKey)} AND version <> {delete.BigInt(keep)}", cancellationToken);
        }
    }

    /// <summary>Drops everything the warehouse holds for the audience (it was deleted): its snapshots and its pointer.</summary>
    public async Task DeleteAudienceAsync(string audienceKey, CancellationToken cancellationToken)
    {
        await SetCommittedVersionAsync(audienceKey, 0, cancellationToken);
        await DeleteVersionsExceptAsync(audienceKey, 0, cancellationToken);
    }

    /// <summary>The committed version the warehouse's pointer names; 0 when it names none.</summary>
    public async Task<long> ReadCommittedVersionAsync(string audienceKey, CancellationToken cancellationToken)
    {
        var select = new BoundSql(Dialect);
        var query = select.Render($"SELECT version FROM {Tables.Committed} WHERE audience_key = {select.Text(audienceKey)}");
        await foreach (var row in _warehouse.QueryAsync(query, cancellationToken))
        {
            return Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture);
        }

        return 0;
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        var text = Dialect.TextType;
        string[] statements =
        [
            $"CREATE SCHEMA IF NOT EXISTS {Tables.Schema}",
            $"""
            CREATE TABLE IF NOT EXISTS {Tables.Members} (
                audience_key {text} NOT NULL, version BIGINT NOT NULL, member_key {text} NOT NULL,
                profile_key {text}, enrichment_hash {text})
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {Tables.Entities} (
                audience_key {text} NOT NULL, version BIGINT NOT NULL, member_key {text} NOT NULL,
                branch {text} NOT NULL, entity {text} NOT NULL, entity_key {text} NOT NULL, parent_key {text})
            """,
            $"CREATE TABLE IF NOT EXISTS {Tables.Committed} (audience_key {text} NOT NULL, version BIGINT NOT NULL)",
            $"""
            CREATE OR REPLACE VIEW {Tables.MembershipView} AS
            SELECT s.audience_key, s.member_key
            FROM {Tables.Members} AS s
            JOIN {Tables.Committed} AS c ON c.audience_key = s.audience_key AND c.version = s.version
            """,
        ];
        foreach (var statement in statements)
        {
            await _warehouse.ExecuteAsync(SqlQuery.Text(statement), cancellationToken);
        }

        string?[] indexes =
        [
            Dialect.CreateIndexIfNotExists("la_snapshot_members_key", Tables.Members, ["audience_key", "version", "member_key"]),
            Dialect.CreateIndexIfNotExists("la_snapshot_entities_key", Tables.Entities, ["audience_key", "version", "member_key", "branch", "entity", "entity_key"]),
        ];
        foreach (var index in indexes.OfType<string>())
        {
            await _warehouse.ExecuteAsync(SqlQuery.Text(index), cancellationToken);
        }
    }

    private Task<int> ExecuteAsync(BoundSql sql, string text, CancellationToken cancellationToken) =>
        _warehouse.ExecuteAsync(sql.Render(text), cancellationToken);
}
