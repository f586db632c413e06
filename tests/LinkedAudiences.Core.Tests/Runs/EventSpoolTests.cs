using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;

namespace LinkedAudiences.Core.Tests.Runs;

public sealed class EventSpoolTests
{
    [Fact]
    public async Task ReadAsync_AfterAdds_ReturnsEveryEventUnchangedInOrder()
    {
        var context = new AudienceEventContext("a", 2, "r", new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero), "credit_card");
        AudienceEvent[] events =
        [
            AudienceEvents.Entered(context, "201", "u1"),
            AudienceEvents.EntityExited(context, new EntityChange("201", "u1", "0.0.0", "transaction", "9", null)),
            AudienceEvents.ValuesChanged(context, "201", "u1", new EnrichmentValues([new("é", "ü\n")], [])),
        ];
        await using var spool = new EventSpool(null);

        foreach (var e in events)
        {
            await spool.AddAsync(e, CancellationToken.None);
        }

        var read = new List<AudienceEvent>();
        await foreach (var e in spool.ReadAsync(CancellationToken.None))
        {
            read.Add(e);
        }

        Assert.Equal(3, spool.Count);
        Assert.Equal(events, read);
    }

    [Fact]
    public async Task Spool_OnUnix_HasNoNameInItsFolderSoAKilledProcessLeavesNothingBehind()
    {
        var folder = Directory.CreateTempSubdirectory("la-spool-");
        try
        {
            var context = new AudienceEventContext("a", 1, "r", new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero));
            await using var spool = new EventSpool(folder.FullName);
            await spool.AddAsync(AudienceEvents.Entered(context, "u1", "u1"), CancellationToken.None);

            // A SIGKILL runs no dispose: only a file without a name while it is in use is gone with the process.
            Assert.Equal(OperatingSystem.IsWindows() ? 1 : 0, folder.GetFiles().Length);
            var read = new List<AudienceEvent>();
            await foreach (var e in spool.ReadAsync(CancellationToken.None))
            {
                read.Add(e);
            }

            Assert.Equal("u1", Assert.Single(read).ProfileKey);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
