using LinkedAudiences.Core.Runs;

namespace LinkedAudiences.Core.Tests.Lifecycle.Fakes;

internal sealed class FakeSnapshotCleaner : ISnapshotCleaner
{
    public List<string> Dropped { get; } = [];

    public Task DropSnapshotsAsync(string audienceKey, CancellationToken cancellationToken)
    {
        lock (Dropped)
        {
            Dropped.Add(audienceKey);
        }

        return Task.CompletedTask;
    }
}
