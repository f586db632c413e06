using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Templates;

namespace LinkedAudiences.Core.Tests.Activations;

public sealed class ActivationValidatorTests
{
    /// <summary>Profiles with an active account that has an outstanding credit card.</summary>
    internal static readonly AudienceDefinition AccountsWithCards = new()
    {
        Groups =
        [
            new ConditionGroup
            {
                Conditions =
                [
                    new EntityCondition
                    {
                        Entity = "account",
                        Conditions = [new EntityCondition { Entity = "credit_card" }],
                    },
                    new EntityCondition { Entity = "pet", Negate = true },
                ],
            },
        ],
    };

    internal static Activation Valid(ActivationTrigger trigger = ActivationTrigger.EntityEntered, string? entity = "credit_card") => new()
    {
        Key = "act-1",
        AudienceKey = "outstanding",
        Trigger = trigger,
        TriggerEntity = entity,
        Destination = new DestinationSettings { Kind = DestinationKind.Webhook, Url = "http://127.0.0.1:9/hook" },
        Enrichment = new ActivationEnrichment { Traits = ["email"], Entities = [new EntityEnrichment("account", ["status", "plan"])] },
    };

    private static List<(string Path, string Rule)> Errors(Activation activation) =>
        [.. ActivationValidator.Validate(activation, AccountsWithCards, DemoGraph.Graph, new FluidTemplateRenderer()).Select(e => (e.Path, e.Rule))];

    [Fact]
    public void Validate_ValidEntityActivation_HasNoErrors() => Assert.Empty(Errors(Valid()));

    [Fact]
    public void Validate_EntityTriggerWithoutEntity_RequiresIt() =>
        Assert.Equal([("$.triggerEntity", ActivationRules.TriggerEntityRequired)], Errors(Valid(entity: null)));

    [Fact]
    public void Validate_TriggerEntityOnlyUnderNegation_IsNotInDefinition() =>
        Assert.Equal([("$.triggerEntity", ActivationRules.TriggerEntityNotInDefinition)], Errors(Valid(entity: "pet")));

    [Fact]
    public void Validate_ProfileTriggerWithEntity_IsRefused() =>
        Assert.Equal([("$.triggerEntity", ActivationRules.TriggerEntityNotAllowed)], Errors(Valid(ActivationTrigger.ProfileEntered, "account")));

    [Theory]
    [InlineData(ActivationTrigger.ProfileEntered, true)]
    [InlineData(ActivationTrigger.MembershipChanged, true)]
    [InlineData(ActivationTrigger.ProfileExited, false)]
    [InlineData(ActivationTrigger.MembershipOrValuesChanged, false)]
    public void Validate_SendExistingMembers_OnlyForEnteredTriggers(ActivationTrigger trigger, bool allowed)
    {
        var errors = Errors(Valid(trigger, null) with { SendExistingMembers = true });

        Assert.Equal(allowed, !errors.Contains(("$.sendExistingMembers", ActivationRules.SendExistingNotAllowed)));
    }

    [Fact]
    public void Validate_EnrichmentUnknownNames_ArePointedAt()
    {
        var activation = Valid() with
        {
            Enrichment = new ActivationEnrichment
            {
                Traits = ["email", "shoe_size"],
                Entities = [new EntityEnrichment("account", ["status", "colour"]), new EntityEnrichment("order", ["total"]), new EntityEnrichment("rocket", ["x"])],
            },
        };

        Assert.Equal(
            [
                ("$.enrichment.traits[1]", ActivationRules.UnknownTrait),
                ("$.enrichment.entities[0].columns[1]", ActivationRules.UnknownColumn),
                ("$.enrichment.entities[1].entity", ActivationRules.EntityNotInDefinition),
                ("$.enrichment.entities[2].entity", ActivationRules.UnknownEntity),
            ],
            Errors(activation));
    }

    [Fact]
    public void Validate_DestinationAndTemplateProblems_AreReported()
    {
        var activation = Valid() with
        {
            Destination = new DestinationSettings { Kind = DestinationKind.Segment, Url = "ftp://x", Delivery = new DeliveryPolicy { BatchSize = 0 } },
            Mapping = "{{ event.userId ",
            Action = "page",
        };

        Assert.Equal(
            [
                ("$.destination.url", ActivationRules.InvalidUrl),
                ("$.destination.protectedSecret", ActivationRules.Required),
                ("$.destination.delivery", ActivationRules.InvalidPolicy),
                ("$.action", ActivationRules.InvalidAction),
                ("$.mapping", ActivationRules.InvalidTemplate),
            ],
            Errors(activation));
    }

    [Fact]
    public void Validate_WarehouseWithoutTable_RequiresTable() =>
        Assert.Contains(("$.destination.table", ActivationRules.Required), Errors(Valid() with { Destination = new DestinationSettings { Kind = DestinationKind.Warehouse } }));

    [Fact]
    public void Validate_IdentifierTraitUnknown_IsReported() =>
        Assert.Equal([("$.identifier.trait", ActivationRules.IdentifierTrait)], Errors(Valid() with { Identifier = new IdentifierStrategy { Source = IdentifierSource.Trait, Trait = "nope" } }));
}
