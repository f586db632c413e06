using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Runs;

namespace LinkedAudiences.Core.Tests.Activations;

public sealed class ActivationImpactTests
{
    private static readonly AudienceDefinition AccountsOnly = new()
    {
        Groups = [new ConditionGroup { Conditions = [new EntityCondition { Entity = "account" }] }],
    };

    [Fact]
    public void DisabledReason_TriggerEntityRemoved_NamesEntityAndTrigger()
    {
        var reason = ActivationImpact.DisabledReason(ActivationValidatorTests.Valid() with { Enrichment = ActivationEnrichment.None }, AccountsOnly);

        Assert.Equal(
            "The audience definition no longer matches entity 'credit_card', which triggers this activation (EntityEntered). Choose another entity or restore the condition, then enable the activation again.",
            reason);
    }

    [Fact]
    public void Apply_TriggerEntityRemoved_DisablesWithReason()
    {
        var applied = ActivationImpact.Apply(ActivationValidatorTests.Valid(), AccountsOnly);

        Assert.False(applied.Enabled);
        Assert.Contains("'credit_card'", applied.DisabledReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_TriggerEntityKept_LeavesActivationAlone()
    {
        var activation = ActivationValidatorTests.Valid(entity: "account");

        Assert.Same(activation, ActivationImpact.Apply(activation, AccountsOnly));
    }

    [Fact]
    public void DisabledReason_EntityMovedUnderNegation_Disables()
    {
        var negated = new AudienceDefinition
        {
            Groups = [new ConditionGroup { Conditions = [new EntityCondition { Entity = "account", Conditions = [new EntityCondition { Entity = "credit_card", Negate = true }] }] }],
        };

        Assert.NotNull(ActivationImpact.DisabledReason(ActivationValidatorTests.Valid(), negated));
    }

    [Fact]
    public void DisabledReason_EnrichedEntityRemoved_Disables()
    {
        var activation = ActivationValidatorTests.Valid(ActivationTrigger.ProfileEntered, null) with
        {
            Enrichment = new ActivationEnrichment { Entities = [new EntityEnrichment("credit_card", ["balance"])] },
        };

        Assert.Contains("'credit_card', enriched by this activation", ActivationImpact.DisabledReason(activation, AccountsOnly), StringComparison.Ordinal);
    }

    [Fact]
    public void DisabledReason_EntityTargetAudience_TargetCounts()
    {
        var target = new AudienceDefinition
        {
            Target = new AudienceTarget { Type = TargetType.Entity, Entity = "credit_card" },
            Groups = [new ConditionGroup { Conditions = [new EntityCondition { Entity = "account", Conditions = [new EntityCondition { Entity = "credit_card" }] }] }],
        };

        Assert.Null(ActivationImpact.DisabledReason(ActivationValidatorTests.Valid(), target));
    }

    [Fact]
    public void Combine_TwoEnrichments_UnionsTraitsAndColumnsInOrder()
    {
        var spec = ActivationEnrichment.Combine(
        [
            new ActivationEnrichment { Traits = ["email"], Entities = [new EntityEnrichment("account", ["status"])] },
            new ActivationEnrichment { Traits = ["plan", "email"], Entities = [new EntityEnrichment("account", ["plan", "status"]), new EntityEnrichment("order", ["total"])] },
        ]);

        Assert.Equal(["email", "plan"], spec.Traits);
        Assert.Equal(["account:status,plan", "order:total"], spec.Entities.Select(e => e.Entity + ":" + string.Join(",", e.Columns)));
    }
}
