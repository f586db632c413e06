using System.Data.Common;
using System.Globalization;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace LinkedAudiences.Storage.Engines;

/// <summary>
/// SQLite, the embedded default: one file in WAL mode (readers never wait for the writer), a busy timeout for other
/// processes on the same file, and one writer per instance (a semaphore), since SQLite has one write lock anyway and
/// waiting on a semaphore is cheaper and fairer than spinning on SQLITE_BUSY.
/// </summary>
internal sealed class SqliteStoreEngine : StoreEngine
{
    /// <summary>Fixed width and UTC, so TEXT comparisons order timestamps (leases compare expiry in SQL).</summary>
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private const int BusyTimeoutMilliseconds = 30_000;

    private const int OutboxCacheKibibytes = 64 * 1024;

    private const int DefaultCacheKibibytes = 2000;

    private const string StageInsert = """
        INSERT INTO temp.la_outbox_load (message_id, kind, ts, profile_key, entity, entity_key, branch, payload)
        VALUES (@message_id, @kind, @ts, @profile_key, @entity, @entity_key, @branch, @payload)
        """;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    private SqliteStoreEngine(string connectionString, TablePrefix prefix)
        : base(prefix) => _connectionString = connectionString;

    public override string Name => "sqlite";

    public override IReadOnlyList<Migration> Migrations => SqliteMigrations.All;

    public override string VersionTable => SqliteMigrations.VersionTable;

    public static SqliteStoreEngine Create(string path, TablePrefix prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path.Contains(":memory:", StringComparison.OrdinalIgnoreCase) || path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The SQLite state store needs a file path, not '{path}': state must survive the process.", nameof(path));
        }

        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        };
        return new SqliteStoreEngine(builder.ToString(), prefix);
    }

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        // WAL is a property of the file, so setting it once per open is enough for every connection.
        var mode = await connection.ScalarAsync("PRAGMA journal_mode = WAL", cancellationToken);
        if (!string.Equals(mode as string, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL mode for the state store (journal mode is '{mode}').");
        }
    }

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Per connection: wait for another process's write lock instead of failing at once; NORMAL is durable
            // across process crashes in WAL mode (only an OS crash may lose the last commits, never corrupt).
            await connection.ExecuteAsync(
                Invariant($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;"), cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override async Task<WriteScope> BeginWriteAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        DbConnection? connection = null;
        try
        {
            connection = await OpenConnectionAsync(cancellationToken);
            // IMMEDIATE: take the write lock now, so a transaction never fails half-way upgrading from a read lock.
            var transaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);
            return new WriteScope(connection, transaction, _writeGate, Prefix);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            _writeGate.Release();
            throw;
        }
    }

    /// <summary>Nothing to lock: each step's IMMEDIATE transaction already excludes other processes, and re-checks the step.</summary>
    public override Task<IAsyncDisposable> LockMigrationsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    public override object Timestamp(DateTimeOffset value) => Format(value);

    public override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(reader.GetString(ordinal), TimestampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>
    /// Streams the events into a TEMP table of one connection (private to it: no lock on the store file, so other
    /// writers, lease renewals included, carry on while a long warehouse stream lasts), then takes the writer gate
    /// and an IMMEDIATE transaction on that connection. One prepared single-row INSERT per event: Microsoft.Data.Sqlite
    /// binds parameters by name at a cost quadratic in a statement's parameters, so multi-row VALUES measured slower.
    /// </summary>
    public override async Task<WriteScope> StageOutboxAsync(IAsyncEnumerable<AudienceEvent> events, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)await OpenConnectionAsync(cancellationToken);
        try
        {
            // A pooled connection may still hold the table of an attempt that failed before its end.
            await connection.ExecuteAsync(
                Sql("""
                DROP TABLE IF EXISTS temp.la_outbox_load;
                CREATE TEMP TABLE la_outbox_load (
                    ord INTEGER PRIMARY KEY, message_id TEXT NOT NULL, kind TEXT NOT NULL, ts TEXT NOT NULL,
                    profile_key TEXT NOT NULL, entity TEXT, entity_key TEXT, branch TEXT, payload TEXT NOT NULL);
                """),
                cancellationToken);
            await using (var staging = connection.BeginTransaction(deferred: true))
            {
                await StageAsync(connection, staging, Sql(StageInsert), events, cancellationToken);
                await staging.CommitAsync(cancellationToken);
            }

            await _writeGate.WaitAsync(cancellationToken);
            try
            {
                return new WriteScope(connection, connection.BeginTransaction(deferred: false), _writeGate, Prefix);
            }
            catch
            {
                _writeGate.Release();
                throw;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override async Task PublishOutboxAsync(WriteScope write, RunRecord run, CancellationToken cancellationToken)
    {
        // The unique messageId index takes random inserts: with SQLite's 2 MB default page cache a million-event
        // commit spills and re-reads index pages all along (measured ~30% slower). Back to the default afterwards,
        // since the connection returns to the pool.
        await write.ExecuteAsync(Invariant($"PRAGMA cache_size = -{OutboxCacheKibibytes}"), cancellationToken);
        await write.ExecuteAsync(
            """
            INSERT INTO la_outbox (message_id, run_id, audience_key, kind, membership_version, ts, profile_key, entity, entity_key, branch, payload)
            SELECT message_id, @run, @audience, kind, @version, ts, profile_key, entity, entity_key, branch, payload
            FROM temp.la_outbox_load ORDER BY ord
            ON CONFLICT (message_id) DO NOTHING
            """,
            cancellationToken,
            ("run", run.RunId), ("audience", run.AudienceKey), ("version", run.MembershipVersion));
        await write.ExecuteAsync(Invariant($"PRAGMA cache_size = -{DefaultCacheKibibytes}"), cancellationToken);
        await write.ExecuteAsync("DROP TABLE temp.la_outbox_load", cancellationToken);
    }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; clearing the pool lets the host move or delete it.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeGate.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task StageAsync(SqliteConnection connection, SqliteTransaction transaction, string insertSql, IAsyncEnumerable<AudienceEvent> events, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand(
            insertSql,
            ("message_id", null), ("kind", null), ("ts", null), ("profile_key", null), ("entity", null), ("entity_key", null), ("branch", null), ("payload", null));
        insert.Transaction = transaction;
        insert.Prepare();
        var p = insert.Parameters;
        var timestamp = new TimestampText();
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            p[0].Value = e.MessageId;
            p[1].Value = e.Kind.ToString();
            p[2].Value = timestamp.Format(e.Timestamp);
            p[3].Value = e.ProfileKey;
            p[4].Value = (object?)e.Entity ?? DBNull.Value;
            p[5].Value = (object?)e.EntityKey ?? DBNull.Value;
            p[6].Value = (object?)e.Branch ?? DBNull.Value;
            p[7].Value = e.Payload;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string Format(DateTimeOffset value) => Truncate(value).ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>The events of a run mostly share one timestamp: format it once, not a million times.</summary>
    private sealed class TimestampText
    {
        private long _ticks = -1;
        private string _text = "";

        public string Format(DateTimeOffset value)
        {
            if (value.UtcTicks != _ticks)
            {
                _ticks = value.UtcTicks;
                _text = SqliteStoreEngine.Format(value);
            }

            return _text;
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
