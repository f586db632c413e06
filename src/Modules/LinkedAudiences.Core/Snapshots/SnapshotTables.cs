using LinkedAudiences.Core.Sql;

namespace LinkedAudiences.Core.Snapshots;

/// <summary>The product's tables in the warehouse, quoted for one dialect.</summary>
internal sealed class SnapshotTables
{
    public const string MembersTable = "snapshot_members";
    public const string EntitiesTable = "snapshot_entities";
    public const string CommittedTable = "committed_versions";

    public SnapshotTables(SqlDialect dialect, SnapshotOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Schema);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.MembershipView);
        Dialect = dialect;
        Options = options;
        Schema = dialect.QuoteIdentifier(options.Schema);
        Members = dialect.QuoteTable(options.Schema, MembersTable);
        Entities = dialect.QuoteTable(options.Schema, EntitiesTable);
        Committed = dialect.QuoteTable(options.Schema, CommittedTable);
        MembershipView = dialect.QuoteTable(options.Schema, options.MembershipView);
    }

    public SqlDialect Dialect { get; }

    public SnapshotOptions Options { get; }

    public string Schema { get; }

    /// <summary>snapshot_members(audience_key, version, member_key, profile_key, enrichment_hash).</summary>
    public string Members { get; }

    /// <summary>snapshot_entities(audience_key, version, member_key, branch, entity, entity_key, parent_key).</summary>
    public string Entities { get; }

    /// <summary>committed_versions(audience_key, version): the pointer behind the membership view.</summary>
    public string Committed { get; }

    /// <summary>audience_membership(audience_key, member_key).</summary>
    public string MembershipView { get; }
}
