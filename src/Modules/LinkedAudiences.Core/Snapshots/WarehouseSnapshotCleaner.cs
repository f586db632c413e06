using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Snapshots;

/// <summary>Drops a deleted audience's snapshots and committed-version pointer from the warehouse (<see cref="WarehouseSnapshots"/>).</summary>
public sealed class WarehouseSnapshotCleaner : ISnapshotCleaner
{
    private readonly WarehouseSnapshots _snapshots;

    /// <param name="options">The same snapshot options as the host's runner (<c>AudienceRunnerOptions.Snapshots</c>).</param>
    public WarehouseSnapshotCleaner(IWarehouse warehouse, SnapshotOptions? options = null)
    {
        _snapshots = new WarehouseSnapshots(warehouse, options);
    }

    public async Task DropSnapshotsAsync(string audienceKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(audienceKey);

        // An audience that never ran may meet a warehouse without the product's tables; creating them (idempotent)
        // keeps the delete a plain no-op there instead of an error about a missing table.
        await _snapshots.EnsureSchemaAsync(cancellationToken);
        await _snapshots.DeleteAudienceAsync(audienceKey, cancellationToken);
    }
}
