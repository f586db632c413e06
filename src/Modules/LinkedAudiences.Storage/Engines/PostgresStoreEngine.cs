using System.Buffers.Binary;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Storage.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace LinkedAudiences.Storage.Engines;

/// <summary>
/// PostgreSQL, for hosts running several instances: a pooled data source; the tables live in the first schema of the
/// connection string's Search Path (created when missing), else the connection's own current schema. Advisory locks
/// keyed by that schema serialize migrations and outbox writers across instances.
/// </summary>
internal sealed partial class PostgresStoreEngine : StoreEngine
{
    private const string OutboxLoadColumns = "ord, message_id, kind, ts, profile_key, entity, entity_key, branch, payload";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string? _schema;
    private readonly long _migrationLock;
    private readonly long _outboxLock;

    private PostgresStoreEngine(NpgsqlDataSource dataSource, string? schema, TablePrefix prefix)
        : base(prefix)
    {
        _dataSource = dataSource;
        _schema = schema;
        // Migrations of every prefix in a schema take turns (they may all create the schema); each prefix has an
        // outbox of its own, so its writers take turns only among themselves.
        _migrationLock = LockKey("migrations", schema);
        _outboxLock = LockKey("outbox", schema + "\u001f" + prefix.Value);
    }

    public override string Name => "postgres";

    public override IReadOnlyList<Migration> Migrations => PostgresMigrations.All;

    public override string VersionTable => PostgresMigrations.VersionTable;

    public override string ForUpdate => " FOR UPDATE";

    public static PostgresStoreEngine Create(string connectionString, TablePrefix prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!SetsCommandTimeout(connectionString))
        {
            // Committing a million events outlasts Npgsql's 30 s default; callers bound commands with their token.
            builder.ConnectionStringBuilder.CommandTimeout = 0;
        }

        var schema = FirstSchema(builder.ConnectionStringBuilder.SearchPath);
        return new PostgresStoreEngine(builder.Build(), schema, prefix);
    }

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override async Task<WriteScope> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new WriteScope(connection, transaction, null, Prefix);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A session advisory lock: two instances starting together migrate one after the other; the second finds nothing to do.</summary>
    public override async Task<IAsyncDisposable> LockMigrationsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", cancellationToken, ("key", _migrationLock));
        var release = new AdvisoryUnlock(connection, _migrationLock);
        try
        {
            if (_schema is not null)
            {
                await connection.ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS {QuoteIdentifier(_schema)}", cancellationToken);
            }

            return release;
        }
        catch
        {
            await release.DisposeAsync();
            throw;
        }
    }

    public override object Timestamp(DateTimeOffset value) => Truncate(value);

    public override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>
    /// Binary COPY into a temporary table (dropped at commit) inside the transaction the commit then continues. No
    /// lock is held while the stream lasts: PostgreSQL has no store-wide write lock, and the outbox lock comes later.
    /// </summary>
    public override async Task<WriteScope> StageOutboxAsync(IAsyncEnumerable<AudienceEvent> events, CancellationToken cancellationToken)
    {
        var write = await BeginWriteAsync(cancellationToken);
        try
        {
            await write.ExecuteAsync(
                """
                CREATE TEMP TABLE la_outbox_load (
                    ord bigint NOT NULL, message_id text NOT NULL, kind text NOT NULL, ts timestamptz NOT NULL,
                    profile_key text NOT NULL, entity text, entity_key text, branch text, payload text NOT NULL)
                ON COMMIT DROP
                """,
                cancellationToken);
            await CopyAsync((NpgsqlConnection)write.Connection, Sql($"COPY la_outbox_load ({OutboxLoadColumns}) FROM STDIN (FORMAT BINARY)"), events, cancellationToken);
            return write;
        }
        catch
        {
            await write.DisposeAsync();
            throw;
        }
    }

    public override async Task PublishOutboxAsync(WriteScope write, RunRecord run, CancellationToken cancellationToken)
    {
        // Positions are handed out in commit order: outbox writers take turns from here to COMMIT, so a consumer
        // tailing by position never sees a later position committed before an earlier one.
        await write.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", _outboxLock));
        await write.ExecuteAsync(
            """
            INSERT INTO la_outbox (message_id, run_id, audience_key, kind, membership_version, ts, profile_key, entity, entity_key, branch, payload)
            SELECT message_id, @run, @audience, kind, @version, ts, profile_key, entity, entity_key, branch, payload
            FROM la_outbox_load ORDER BY ord
            ON CONFLICT (message_id) DO NOTHING
            """,
            cancellationToken,
            ("run", run.RunId), ("audience", run.AudienceKey), ("version", run.MembershipVersion));
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>
    /// The schema to create and keep the tables in: the first entry of the search path, folded as PostgreSQL folds an
    /// unquoted name, or null (no search path, or "$user") to use the connection's current schema as it is.
    /// </summary>
    internal static string? FirstSchema(string? searchPath)
    {
        if (string.IsNullOrWhiteSpace(searchPath))
        {
            return null;
        }

        var first = searchPath.Split(',')[0].Trim();
        if (first.Length > 2 && first[0] == '"' && first[^1] == '"' && !first[1..^1].Contains('"', StringComparison.Ordinal))
        {
            return first[1..^1];
        }

        if (first == "$user")
        {
            return null;
        }

        return PlainIdentifier().IsMatch(first)
            ? first.ToLowerInvariant()
            : throw new FormatException($"The state store's Search Path must start with a schema name (letters, digits, _ or a \"quoted name\"), not '{first}'.");
    }

    internal static bool SetsCommandTimeout(string connectionString)
    {
        // The typed builder reports every keyword it knows as present; the plain one only those the text sets.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", "", StringComparison.Ordinal), "CommandTimeout", StringComparison.OrdinalIgnoreCase));
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A stable 64-bit key per purpose and schema: every instance (and every build) computes the same one.</summary>
    private static long LockKey(string purpose, string? schema)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("linked-audiences\u001f" + purpose + "\u001f" + (schema ?? "")));
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string copySql, IAsyncEnumerable<AudienceEvent> events, CancellationToken cancellationToken)
    {
        await using var import = await connection.BeginBinaryImportAsync(copySql, cancellationToken);
        long ord = 0;
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(ord++, NpgsqlDbType.Bigint, cancellationToken);
            await import.WriteAsync(e.MessageId, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(e.Kind.ToString(), NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(Truncate(e.Timestamp), NpgsqlDbType.TimestampTz, cancellationToken);
            await import.WriteAsync(e.ProfileKey, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(import, e.Entity, cancellationToken);
            await WriteNullableAsync(import, e.EntityKey, cancellationToken);
            await WriteNullableAsync(import, e.Branch, cancellationToken);
            await import.WriteAsync(e.Payload, NpgsqlDbType.Text, cancellationToken);
        }

        // Without this, disposing cancels the COPY: a stream that threw leaves the temporary table empty.
        await import.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter import, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await import.WriteNullAsync(cancellationToken);
        }
        else
        {
            await import.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_$]*$")]
    private static partial Regex PlainIdentifier();

    private sealed class AdvisoryUnlock(DbConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", key));
    }
}
