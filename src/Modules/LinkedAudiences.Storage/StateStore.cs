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
/// Opening runs the schema migrations the store lacks; keep one instance per process and location.
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
        SchemaVersion = schemaVersion;
        Runs = new SqlRunStore(engine, time);
        Leases = new SqlLeaseStore(engine, time);
        Audiences = new SqlAudienceStore(engine, time);
        Deliveries = new SqlDeliveryStore(engine);
    }

    public StateStoreLocation Location { get; }

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

    /// <summary>Connects, migrates the schema to the latest version, and returns the store.</summary>
    public static async Task<StateStore> OpenAsync(StateStoreLocation location, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(time);
        StoreEngine engine = location.Kind switch
        {
            StateStoreLocation.Sqlite => SqliteStoreEngine.Create(location.Value),
            StateStoreLocation.Postgres => PostgresStoreEngine.Create(location.Value),
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
