using System.Data.Common;
using System.Globalization;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Storage.Migrations;

namespace LinkedAudiences.Storage.Engines;

/// <summary>
/// What differs between the engines the state lives on: connections, the write gate, column types (in the
/// migrations), timestamps, row locks, migration locking and the bulk path of the outbox. The stores hold the SQL
/// both engines share (INSERT ... ON CONFLICT, RETURNING-free statements, JSON as text) and ask the engine for the rest.
/// </summary>
internal abstract class StoreEngine(TablePrefix prefix) : IAsyncDisposable
{
    /// <summary>Timestamps are kept to the microsecond on both engines (PostgreSQL's resolution), so they read back the same.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    public abstract string Name { get; }

    /// <summary>Put before every la_* name in the SQL this engine runs.</summary>
    public TablePrefix Prefix { get; } = prefix;

    public abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>CREATE TABLE IF NOT EXISTS for la_schema_version, the record of applied steps.</summary>
    public abstract string VersionTable { get; }

    /// <summary>" FOR UPDATE" where the engine locks rows read in a transaction; empty where writers are serialized anyway.</summary>
    public virtual string ForUpdate => "";

    /// <summary>Once per open, before migrations (SQLite: WAL mode).</summary>
    public virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A connection whose commands get the table prefix.</summary>
    public async Task<StoreConnection> OpenAsync(CancellationToken cancellationToken) =>
        new(await OpenConnectionAsync(cancellationToken), Prefix);

    /// <summary>A plain connection: SQL run on it directly must go through <see cref="Sql"/>.</summary>
    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>The statement with the table prefix applied, for SQL an engine runs outside a store connection or write scope.</summary>
    public string Sql(string statement) => Prefix.Apply(statement);

    /// <summary>A connection in a write transaction; on SQLite also this instance's single-writer gate.</summary>
    public abstract Task<WriteScope> BeginWriteAsync(CancellationToken cancellationToken);

    /// <summary>Holds off other instances while migrations run (released on dispose).</summary>
    public abstract Task<IAsyncDisposable> LockMigrationsAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A timestamp as this engine's parameter value.</summary>
    public abstract object Timestamp(DateTimeOffset value);

    public object Timestamp(DateTimeOffset? value) => value is { } v ? Timestamp(v) : DBNull.Value;

    public abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    public DateTimeOffset? ReadNullableTimestamp(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTimestamp(reader, ordinal);

    /// <summary>
    /// Streams the events into a staging table private to one connection, without holding the store's write lock
    /// (the stream may last as long as a warehouse query), and returns a write transaction on that connection in
    /// which <see cref="PublishOutboxAsync"/> moves them to the outbox. Never holds the stream in memory.
    /// </summary>
    public abstract Task<WriteScope> StageOutboxAsync(IAsyncEnumerable<AudienceEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Appends the staged events to the outbox as the run's, in stream order, skipping messageIds already there
    /// (also repeats within the stream); positions are handed out in commit order.
    /// </summary>
    public abstract Task PublishOutboxAsync(WriteScope write, RunRecord run, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    protected static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
