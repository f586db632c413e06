using LinkedAudiences.Core.Events;

namespace LinkedAudiences.Core.Tests.Runs;

public sealed class MessageIdsTests
{
    [Fact]
    public void For_FixedInput_IsTheSameInEveryProcess()
    {
        // Hard-coded: a change of the derivation would re-send every event a host has already delivered.
        Assert.Equal("la-a7d5ae105adc3d4f886097cca956ea64", MessageIds.For("pro-outstanding", AudienceEventKind.ProfileEntered, "u1", 3));
        Assert.Equal(
            "la-cb49a3700c7745514cd88edc4771d89b",
            MessageIds.For("pro-outstanding", AudienceEventKind.EntityEntered, MessageIds.EntitySubject("u0000001", "0.1.0", "credit_card", "201"), 3));
    }

    [Fact]
    public void For_AnyPartChanged_GivesAnotherId()
    {
        var ids = new[]
        {
            MessageIds.For("a", AudienceEventKind.ProfileEntered, "u1", 1),
            MessageIds.For("b", AudienceEventKind.ProfileEntered, "u1", 1),
            MessageIds.For("a", AudienceEventKind.ProfileExited, "u1", 1),
            MessageIds.For("a", AudienceEventKind.ProfileEntered, "u2", 1),
            MessageIds.For("a", AudienceEventKind.ProfileEntered, "u1", 2),
        };

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^la-[0-9a-f]{32}$", id));
    }

    [Fact]
    public void EntitySubject_SeparatorsInKeys_DoNotCollide()
    {
        Assert.NotEqual(
            MessageIds.For("a", AudienceEventKind.EntityEntered, MessageIds.EntitySubject("u1", "0.1", "x", "1|2"), 1),
            MessageIds.For("a", AudienceEventKind.EntityEntered, MessageIds.EntitySubject("u1", "0.1", "x|1", "2"), 1));
    }
}
