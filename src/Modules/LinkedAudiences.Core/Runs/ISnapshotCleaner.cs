namespace LinkedAudiences.Core.Runs;

/// <summary>Removes an audience's membership snapshots from the warehouse (the audience was deleted).</summary>
public interface ISnapshotCleaner
{
    /// <summary>Drops every snapshot version and the committed-version pointer of the audience; a no-op when there are none.</summary>
    Task DropSnapshotsAsync(string audienceKey, CancellationToken cancellationToken);
}
