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
}
