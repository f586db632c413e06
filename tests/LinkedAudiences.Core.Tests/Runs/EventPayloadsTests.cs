using System.Text.Json;
using System.Text.Json.Nodes;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Tests.Validation;

namespace LinkedAudiences.Core.Tests.Runs;

/// <summary>The event payloads against docs/schema/audience-event.schema.json and its examples (one per kind).</summary>
public sealed class EventPayloadsTests
{
    private static readonly AudienceEventContext Context = new("pro-outstanding", 3, "run-1", new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero));

    private static readonly AudienceEventContext CardsContext = Context with { AudienceKey = "outstanding-cards", TargetEntity = "credit_card" };

    private static readonly EnrichmentValues Values = new(
        [new("email", "ada@example.com"), new("loyalty_tier", "gold"), new("loyalty_points", 1250.5000000000m)],
        [new EntityValues("credit_card",
        [
            new EntityValueRow("201", [new("balance", 99.50m), new("balance_status", "Outstanding"), new("issued_at", new DateTime(2026, 3, 4, 5, 6, 7))]),
            new EntityValueRow("209", [new("balance", 12.00m), new("balance_status", "Outstanding"), new("issued_at", null)]),
        ])]);

    public static TheoryData<string, AudienceEventKind> Examples => new()
    {
        { "profile-entered.json", AudienceEventKind.ProfileEntered },
        { "profile-exited.json", AudienceEventKind.ProfileExited },
        { "entity-entered.json", AudienceEventKind.EntityEntered },
        { "entity-exited.json", AudienceEventKind.EntityExited },
        { "membership-changed.json", AudienceEventKind.MembershipChanged },
        { "values-changed.json", AudienceEventKind.ValuesChanged },
        { "entity-target-entered.json", AudienceEventKind.ProfileEntered },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_BuiltFromTheSameChange_IsWhatTheEngineWrites(string file, AudienceEventKind kind)
    {
        var built = Build(file);

        Assert.Equal(kind, built.Kind);
        var example = JsonNode.Parse(File.ReadAllText(RepositoryFiles.Path("docs", "examples", "events", file)));
        Assert.True(JsonNode.DeepEquals(example, JsonNode.Parse(built.Payload)), $"{file} differs from the engine's payload:\n{built.Payload}");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_AgainstTheSchema_IsValid(string file, AudienceEventKind kind)
    {
        _ = kind;
        var example = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("docs", "examples", "events", file))).RootElement;

        Assert.Empty(Validator().Validate(example));
    }

    [Fact]
    public void Schema_PayloadMissingItsMessageIdOrWithAnUnknownProperty_IsRefused()
    {
        var payload = JsonNode.Parse(AudienceEvents.Entered(Context, "u1", "u1").Payload)!.AsObject();
        payload.Remove("messageId");
        payload["properties"]!.AsObject()["surprise"] = 1;

        var problems = Validator().Validate(JsonDocument.Parse(payload.ToJsonString()).RootElement);

        Assert.Equal(["$: matches 0 of the oneOf schemas"], problems);
    }

    [Fact]
    public void Identify_TraitNamedLikeTheAudienceKey_IsWrittenOnce()
    {
        var values = new EnrichmentValues([new("pro-outstanding", "shadow"), new("email", "a@b")], []);

        var payload = AudienceEvents.ValuesChanged(Context, "u1", "u1", values).Payload;

        Assert.Contains("\"traits\":{\"pro-outstanding\":true,\"email\":\"a@b\"}", payload, StringComparison.Ordinal);
    }

    [Fact]
    public void EntityEvents_OfAnEntityTargetAudience_NameTheirMember()
    {
        var e = AudienceEvents.EntityExited(CardsContext, new EntityChange("201", "u1", "0.0.0", "transaction", "9", "201"));

        Assert.Equal("credit_card", CardsContext.TargetEntity);
        Assert.Equal("transaction", e.Entity);
        Assert.Contains("\"member_key\":\"201\"", e.Payload, StringComparison.Ordinal);
        Assert.Empty(Validator().Validate(JsonDocument.Parse(e.Payload).RootElement));
    }

    [Fact]
    public void ValuesChanged_TimeAndDateValues_AreIsoText()
    {
        var values = new EnrichmentValues([new("birthday", new DateOnly(1990, 2, 3)), new("contact", new TimeOnly(9, 30)), new("vip", true), new("n", 42L)], []);

        var payload = AudienceEvents.ValuesChanged(Context, "u1", "u1", values).Payload;

        Assert.Contains("\"birthday\":\"1990-02-03\",\"contact\":\"09:30:00\",\"vip\":true,\"n\":42", payload, StringComparison.Ordinal);
    }

    private static AudienceEvent Build(string file) => file switch
    {
        "profile-entered.json" => AudienceEvents.Entered(Context, "u0000001", "u0000001"),
        "profile-exited.json" => AudienceEvents.Exited(Context, "u0000002", "u0000002"),
        "entity-entered.json" => AudienceEvents.EntityEntered(Context, new EntityChange("u0000001", "u0000001", "0.1.0", "credit_card", "201", "101")),
        "entity-exited.json" => AudienceEvents.EntityExited(Context, new EntityChange("u0000002", "u0000002", "0.1", "account", "102", "u0000002")),
        "membership-changed.json" => AudienceEvents.MembershipChanged(Context, "u0000001", "u0000001", isMember: true),
        "values-changed.json" => AudienceEvents.ValuesChanged(Context, "u0000003", "u0000003", Values),
        "entity-target-entered.json" => AudienceEvents.Entered(CardsContext, "201", "u0000001"),
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, null),
    };

    private static SchemaSubsetValidator Validator() =>
        new(JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("docs", "schema", "audience-event.schema.json"))).RootElement);
}
