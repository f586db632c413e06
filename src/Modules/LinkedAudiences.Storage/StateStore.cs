using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.State;
using LinkedAudiences.Storage.Audiences;
using LinkedAudiences.Storage.Deliveries;
using LinkedAudiences.Storage.Engines;
using LinkedAudiences.Storage.Leases;
using LinkedAudiences.Storage.Migrations;
using LinkedAudiences.Storage.Runs;

namespace LinkedAudiences.Storage;

/// <summary>
/// The app state store on SQLite (a file, the embedded default) or PostgreSQL (hosts running several instances).
/// Opening runs the schema migrations the store lacks; keep one instance per process, location and table prefix.
/// A table prefix (an Orchard tenant's, e.g. "tenant1_") is put before every table and index name, so stores with
/// different prefixes share a database (or PostgreSQL schema) without seeing each other's state; the CLI uses none.
/// </summary>
public sealed class StateStore : IStateStore
{
    /// <summary>Finished runs kept per audience; older ones are pruned when a run commits or fails.</summary>
    public const int RunsKeptPerAudience = 50;

    private readonly StoreEngine _engine;

    private StateStore(StoreEngine engine, StateStoreLocation location, int schemaVersion, TimeProvider time)
    {
        _engine = engine;
        Location = location;
        TablePrefix = engine.Prefix.Value;
        SchemaVersion = schemaVersion;
        Runs = new SqlRunStore(engine, time);
        Leases = new SqlLeaseStore(engine, time);
        Audiences = new SqlAudienceStore(engine, time);
        Deliveries = new SqlDeliveryStore(engine);
    }

    public StateStoreLocation Location { get; }

    /// <summary>What every table name starts with before "la_" ("" for none).</summary>
    public string TablePrefix { get; }

    /// <summary>The schema version the store is at after opening (the latest step this build knows).</summary>
    public int SchemaVersion { get; }

    public IRunStore Runs { get; }

    public ILeaseStore Leases { get; }

    public IAudienceStore Audiences { get; }

    /// <summary>Activation delivery state (records and outbox cursors).</summary>
    public IDeliveryStore Deliveries { get; }

    /// <summary>Opens "sqlite:PATH" or "postgres:CONNECTION-STRING" (see <see cref="StateStoreLocation"/>).</summary>
    public static Task<StateStore> OpenAsync(string location, TimeProvider time, CancellationToken cancellationToken) =>
        OpenAsync(StateStoreLocation.Parse(location), time, cancellationToken);

    /// <summary>Connects, migrates the schema to the latest version, and returns the store (tables without a prefix).</summary>
    public static Task<StateStore> OpenAsync(StateStoreLocation location, TimeProvider time, CancellationToken cancellationToken) =>
        OpenAsync(location, "", time, cancellationToken);

    /// <summary>
    /// Connects, migrates the tables named <paramref name="tablePrefix"/>la_* to the latest version, and returns the store.
    /// The prefix is empty, or letters, digits and underscores starting with a letter or underscore (at most 40).
    /// </summary>
    public static async Task<StateStore> OpenAsync(StateStoreLocation location, string tablePrefix, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(time);
        var prefix = Engines.TablePrefix.Parse(tablePrefix);
        StoreEngine engine = location.Kind switch
        {
            StateStoreLocation.Sqlite => SqliteStoreEngine.Create(location.Value, prefix),
            StateStoreLocation.Postgres => PostgresStoreEngine.Create(location.Value, prefix),
            _ => throw new ArgumentException($"Unknown state store kind '{location.Kind}'; expected sqlite or postgres.", nameof(location)),
        };
        try
        {
            await engine.PrepareAsync(cancellationToken);
            var version = await Migrator.MigrateAsync(engine, time, cancellationToken);
            return new StateStore(engine, location, version, time);
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _engine.DisposeAsync();
}
