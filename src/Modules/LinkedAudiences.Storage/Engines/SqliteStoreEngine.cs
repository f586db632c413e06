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

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    private SqliteStoreEngine(string connectionString) => _connectionString = connectionString;

    public override string Name => "sqlite";

    public override IReadOnlyList<Migration> Migrations => SqliteMigrations.All;

    public override string VersionTable => SqliteMigrations.VersionTable;

    public static SqliteStoreEngine Create(string path)
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
        return new SqliteStoreEngine(builder.ToString());
    }

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // WAL is a property of the file, so setting it once per open is enough for every connection.
        var mode = await connection.ScalarAsync("PRAGMA journal_mode = WAL", cancellationToken);
        if (!string.Equals(mode as string, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL mode for the state store (journal mode is '{mode}').");
        }
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
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
            connection = await OpenAsync(cancellationToken);
            // IMMEDIATE: take the write lock now, so a transaction never fails half-way upgrading from a read lock.
            var transaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);
            return new WriteScope(connection, transaction, _writeGate);
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
    /// One prepared single-row INSERT executed per event: Microsoft.Data.Sqlite binds parameters by name, which costs
    /// quadratically in the parameters of a statement, so multi-row VALUES lists measured slower here, not faster.
    /// </summary>
    public override async Task AppendOutboxAsync(WriteScope write, RunRecord run, IAsyncEnumerable<AudienceEvent> events, CancellationToken cancellationToken)
    {
        await using var insert = write.Command(
            """
            INSERT INTO la_outbox (message_id, run_id, audience_key, kind, membership_version, ts, profile_key, entity, entity_key, branch, payload)
            VALUES (@message_id, @run, @audience, @kind, @version, @ts, @profile_key, @entity, @entity_key, @branch, @payload)
            ON CONFLICT (message_id) DO NOTHING
            """,
            ("run", run.RunId), ("audience", run.AudienceKey), ("version", run.MembershipVersion),
            ("message_id", null), ("kind", null), ("ts", null), ("profile_key", null), ("entity", null), ("entity_key", null), ("branch", null), ("payload", null));
        insert.Prepare();
        // The unique messageId index takes random inserts: with SQLite's 2 MB default page cache, a million-event
        // commit spills and re-reads index pages all along (measured ~30% slower). The pooled connection goes back
        // to the default afterwards.
        await write.ExecuteAsync(Invariant($"PRAGMA cache_size = -{OutboxCacheKibibytes}"), cancellationToken);
        var p = insert.Parameters;
        var timestamp = new TimestampText();
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            p[3].Value = e.MessageId;
            p[4].Value = e.Kind.ToString();
            p[5].Value = timestamp.Format(e.Timestamp);
            p[6].Value = e.ProfileKey;
            p[7].Value = (object?)e.Entity ?? DBNull.Value;
            p[8].Value = (object?)e.EntityKey ?? DBNull.Value;
            p[9].Value = (object?)e.Branch ?? DBNull.Value;
            p[10].Value = e.Payload;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await write.ExecuteAsync(Invariant($"PRAGMA cache_size = -{DefaultCacheKibibytes}"), cancellationToken);
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
