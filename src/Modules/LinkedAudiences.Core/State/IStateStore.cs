namespace LinkedAudiences.Core.State;

/// <summary>
/// The app state of one host: runs and the outbox, leases, audiences and graphs. One instance per process and
/// location (it owns the connection pool, and on SQLite the single-writer gate); disposing it closes the pool.
/// </summary>
public interface IStateStore : IAsyncDisposable
{
    IRunStore Runs { get; }

    ILeaseStore Leases { get; }

    IAudienceStore Audiences { get; }
}
