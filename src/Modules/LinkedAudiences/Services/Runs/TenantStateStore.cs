using LinkedAudiences.Core.Lifecycle;
using LinkedAudiences.Core.State;
using LinkedAudiences.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using YesSql;

namespace LinkedAudiences.Services.Runs;

/// <summary>
/// The tenant's app state (runs, outbox, leases) in the tenant's own database, through the same
/// <see cref="StateStore"/> the CLI uses: the tenant's SQLite file, or its PostgreSQL database and schema, under the
/// tenant's table prefix (as YesSql names the tenant's own tables: ShellSettings["TablePrefix"] and the separator,
/// e.g. "tenant1_la_run"). One per tenant (a shell singleton), opened and migrated on first use and closed with the shell.
/// </summary>
/// <remarks>
/// Opened lazily, never from a data migration or a request that has written through YesSql: on SQLite the store's
/// own connection (switching the file to WAL, then migrating) would wait for the write lock the YesSql session holds
/// until the end of that same request, and fail with "database is locked". Tenants that share one database or
/// PostgreSQL schema, told apart only by their table prefix, keep separate la_* tables the same way.
/// </remarks>
public sealed class TenantStateStore(IStore store, TimeProvider timeProvider) : IAsyncDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private StateStore? _state;

    /// <summary>The audiences this tenant is running now, shared by its scheduler and its admin actions.</summary>
    public RunningAudiences Running { get; } = new();

    public TimeProvider Time { get; } = timeProvider;

    public async Task<IStateStore> GetAsync(CancellationToken cancellationToken)
    {
        if (_state is { } open)
        {
            return open;
        }

        await _opening.WaitAsync(cancellationToken);
        try
        {
            return _state ??= await StateStore.OpenAsync(Location(), TablePrefix, Time, cancellationToken);
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>
    /// The tenant's table prefix with YesSql's separator ("" when the tenant has none), the same string YesSql puts
    /// before the tenant's document and index tables.
    /// </summary>
    public string TablePrefix => store.Configuration.TablePrefix ?? "";

    /// <summary>Where the tenant's YesSql store lives, as a state store location.</summary>
    public StateStoreLocation Location()
    {
        using var connection = store.Configuration.ConnectionFactory.CreateConnection();
        switch (connection)
        {
            case SqliteConnection:
                var path = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
                return new StateStoreLocation(StateStoreLocation.Sqlite, path);
            case NpgsqlConnection:
                var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
                if (!string.IsNullOrWhiteSpace(store.Configuration.Schema))
                {
                    builder.SearchPath = store.Configuration.Schema;
                }

                return new StateStoreLocation(StateStoreLocation.Postgres, builder.ConnectionString);
            default:
                throw new NotSupportedException(
                    $"Linked Audiences keeps its run state in the tenant's database on SQLite or PostgreSQL; this tenant uses {connection.GetType().Name}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_state is not null)
        {
            await _state.DisposeAsync();
            _state = null;
        }

        _opening.Dispose();
    }
}
