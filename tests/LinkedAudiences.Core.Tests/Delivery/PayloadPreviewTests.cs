using System.Text.Json;
using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Templates;
using LinkedAudiences.Testing.State;

namespace LinkedAudiences.Core.Tests.Delivery;

public sealed class PayloadPreviewTests
{
    private static readonly Activation Track = new()
    {
        Key = "a",
        AudienceKey = "aud",
        Trigger = ActivationTrigger.EntityEntered,
        TriggerEntity = "credit_card",
        Destination = new DestinationSettings { Kind = DestinationKind.Webhook, Url = "http://127.0.0.1:9/" },
        Enrichment = new ActivationEnrichment { Traits = ["email", "loyalty_points"], Entities = [new EntityEnrichment("credit_card", ["balance", "is_active"])] },
    };

    [Fact]
    public void Schema_TrackWithEnrichment_ListsFieldsWithTypes()
    {
        var schema = PayloadPreview.Schema(Track, DemoGraph.Graph).Select(f => f.Path + ":" + f.Type);

        Assert.Equal(
            [
                "type:string", "userId:string", "messageId:string", "timestamp:string", "event:string",
                "properties.audience_key:string", "properties.membership_version:number",
                "properties.entity:string", "properties.entity_key:string", "properties.branch:string", "properties.parent_key:string",
                "properties.email:STRING", "properties.loyalty_points:NUMBER",
                "properties._entity_context.credit_card[].entity_key:string", "properties._entity_context.credit_card[].balance:NUMBER",
                "properties._entity_context.credit_card[].is_active:BOOLEAN",
            ],
            schema);
    }

    [Fact]
    public void Schema_Identify_PutsEnrichmentUnderTraits()
    {
        var identify = Track with { Trigger = ActivationTrigger.MembershipChanged, TriggerEntity = null };

        var schema = PayloadPreview.Schema(identify, DemoGraph.Graph).Select(f => f.Path).ToList();

        Assert.Contains("traits.aud", schema);
        Assert.Contains("traits.email", schema);
        Assert.Contains("traits.credit_card[].balance", schema);
        Assert.Contains("context.linked_audiences.trigger", schema);
    }

    [Fact]
    public async Task Member_WithEnrichmentAndMapping_RendersWithoutSending()
    {
        var source = new FixedEnrichment();
        var preview = new PayloadPreview(new EventRenderer(new FluidTemplateRenderer(), source), new ManualClock(DeliveryWorld.Start));
        var mapped = Track with { Mapping = """{"to": {{ event.properties.email | json }}, "cards": {{ entities.credit_card | size }}, "first": {{ entities.credit_card[0].balance }}}""" };

        var plain = await preview.MemberAsync(Track, "u1", "70", CancellationToken.None);
        var shaped = await preview.MemberAsync(mapped, "u1", "70", CancellationToken.None);

        var body = JsonDocument.Parse(plain.Event!.Json).RootElement;
        Assert.Equal("u1@example.test", body.GetProperty("properties").GetProperty("email").GetString());
        Assert.Equal(12.5m, body.GetProperty("properties").GetProperty("_entity_context").GetProperty("credit_card")[0].GetProperty("balance").GetDecimal());
        Assert.Equal("70", body.GetProperty("properties").GetProperty("entity_key").GetString());
        var mappedBody = JsonDocument.Parse(shaped.Event!.Json).RootElement;
        Assert.Equal(("u1@example.test", 1, 12.5m), (mappedBody.GetProperty("to").GetString(), mappedBody.GetProperty("cards").GetInt32(), mappedBody.GetProperty("first").GetDecimal()));
    }

    private sealed class FixedEnrichment : IEnrichmentSource
    {
        public Task<EnrichmentValues> ReadAsync(AudienceEvent audienceEvent, IReadOnlyList<string> traits, IReadOnlyList<EntityEnrichment> entities, CancellationToken cancellationToken) =>
            Task.FromResult(new EnrichmentValues(
                [new NamedValue("email", audienceEvent.ProfileKey + "@example.test"), new NamedValue("loyalty_points", 40L)],
                [new EntityValues("credit_card", [new EntityValueRow("70", [new NamedValue("balance", 12.5m), new NamedValue("is_active", true)])])]));
    }
}
