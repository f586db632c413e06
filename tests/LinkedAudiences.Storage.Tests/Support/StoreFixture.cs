using LinkedAudiences.Core.State;

namespace LinkedAudiences.Storage.Tests.Support;

/// <summary>
/// One engine's store for a test class: a shared store opened on the system clock, fresh locations on demand (for
/// migration tests), more instances over the same location (for clocks and races), and raw SQL for checks.
/// Tests sharing the class's store use their own audience keys.
/// </summary>
public abstract class StoreFixture : IAsyncLifetime
{
    private readonly List<StateStoreLocation> _locations = [];
    private StateStore? _store;

    public abstract string Engine { get; }

    public StateStoreLocation Location => _locations.Count > 0 ? _locations[0] : throw new InvalidOperationException("Not initialized.");

    public StateStore Store => _store ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        _store = await StateStore.OpenAsync(NewLocation(), TimeProvider.System, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        foreach (var location in _locations)
        {
            await DropAsync(location);
        }
    }

    /// <summary>Another instance over the class's location, on its own clock.</summary>
    public Task<StateStore> OpenAsync(TimeProvider time) => StateStore.OpenAsync(Location, time, CancellationToken.None);

    /// <summary>A location nothing was ever stored at (a new file; a new, not yet created schema), dropped with the fixture.</summary>
    public StateStoreLocation NewLocation()
    {
        var location = CreateLocation("la_state_" + Guid.NewGuid().ToString("N")[..12]);
        _locations.Add(location);
        return location;
    }

    /// <summary>The first column of the first row, or null.</summary>
    public abstract Task<object?> ScalarAsync(StateStoreLocation location, string sql);

    public async Task<long> CountAsync(StateStoreLocation location, string sql) =>
        Convert.ToInt64(await ScalarAsync(location, sql), System.Globalization.CultureInfo.InvariantCulture);

    protected abstract StateStoreLocation CreateLocation(string name);

    protected abstract Task DropAsync(StateStoreLocation location);
}
