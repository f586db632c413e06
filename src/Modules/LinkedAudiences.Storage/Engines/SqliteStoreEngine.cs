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

    // Rows per multi-row INSERT of the outbox: 100 rows × 8 per-row parameters stays far below SQLite's 32766 limit
    // and cuts the per-statement overhead a hundredfold.
    private const int OutboxBatchRows = 100;

    private const int BusyTimeoutMilliseconds = 30_000;

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

    public override object Timestamp(DateTimeOffset value) => Truncate(value).ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(reader.GetString(ordinal), TimestampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override async Task AppendOutboxAsync(WriteScope write, RunRecord run, IAsyncEnumerable<AudienceEvent> events, CancellationToken cancellationToken)
    {
        await using var batch = OutboxInsert(write, run, OutboxBatchRows);
        await using var single = OutboxInsert(write, run, 1);
        var filled = 0;
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            Bind(batch, filled++, e);
            if (filled == OutboxBatchRows)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
                filled = 0;
            }
        }

        // The tail of a partial batch, row by row in stream order, from the values already bound.
        for (var row = 0; row < filled; row++)
        {
            for (var column = 0; column < OutboxColumns.Length; column++)
            {
                single.Parameters[RunParameters + column].Value = batch.Parameters[RunParameters + (OutboxColumns.Length * row) + column].Value;
            }

            await single.ExecuteNonQueryAsync(cancellationToken);
        }
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

    // Per-row parameters of the outbox insert, after the three the rows share (@run, @audience, @version).
    private static readonly string[] OutboxColumns = ["m", "k", "t", "p", "e", "ek", "b", "pl"];

    private const int RunParameters = 3;

    private static DbCommand OutboxInsert(WriteScope write, RunRecord run, int rows)
    {
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(r => Invariant(
            $"(@m{r}, @run, @audience, @k{r}, @version, @t{r}, @p{r}, @e{r}, @ek{r}, @b{r}, @pl{r})")));
        var command = write.Command(
            "INSERT INTO la_outbox (message_id, run_id, audience_key, kind, membership_version, ts, profile_key, entity, entity_key, branch, payload) VALUES "
            + values + " ON CONFLICT (message_id) DO NOTHING",
            ("run", run.RunId), ("audience", run.AudienceKey), ("version", run.MembershipVersion));
        for (var r = 0; r < rows; r++)
        {
            foreach (var column in OutboxColumns)
            {
                command.Parameters.Add(DbCommands.Parameter(command, column + r.ToString(CultureInfo.InvariantCulture), null));
            }
        }

        command.Prepare();
        return command;
    }

    private static void Bind(DbCommand command, int row, AudienceEvent e)
    {
        var first = RunParameters + (OutboxColumns.Length * row);
        var parameters = command.Parameters;
        parameters[first].Value = e.MessageId;
        parameters[first + 1].Value = e.Kind.ToString();
        parameters[first + 2].Value = Truncate(e.Timestamp).ToString(TimestampFormat, CultureInfo.InvariantCulture);
        parameters[first + 3].Value = e.ProfileKey;
        parameters[first + 4].Value = (object?)e.Entity ?? DBNull.Value;
        parameters[first + 5].Value = (object?)e.EntityKey ?? DBNull.Value;
        parameters[first + 6].Value = (object?)e.Branch ?? DBNull.Value;
        parameters[first + 7].Value = e.Payload;
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
