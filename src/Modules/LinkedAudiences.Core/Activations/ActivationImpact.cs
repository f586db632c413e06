using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Core.Activations;

/// <summary>
/// Seeds (Builder tab): editing a definition impacts the activation events that reference entities the edit removed.
/// Such an activation is disabled with a visible reason rather than left to fail at delivery.
/// </summary>
public static class ActivationImpact
{
    /// <summary>Why <paramref name="activation"/> can no longer run on <paramref name="definition"/>; null when it still can.</summary>
    public static string? DisabledReason(Activation activation, AudienceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(definition);
        var branches = DefinitionBranches.Entities(definition);
        if (ActivationTriggers.IsEntityTrigger(activation.Trigger) && activation.TriggerEntity is { } entity && !branches.Contains(entity))
        {
            return $"The audience definition no longer matches entity '{entity}', which triggers this activation ({activation.Trigger}). Choose another entity or restore the condition, then enable the activation again.";
        }

        var gone = activation.Enrichment.Entities.Select(e => e.Entity).Where(e => !branches.Contains(e)).ToList();
        return gone.Count == 0
            ? null
            : $"The audience definition no longer matches {string.Join(", ", gone.Select(e => $"'{e}'"))}, enriched by this activation. Remove it from the enrichment or restore the condition, then enable the activation again.";
    }

    /// <summary>The activation as it is after the edit: disabled with the reason when impacted, unchanged otherwise.</summary>
    public static Activation Apply(Activation activation, AudienceDefinition definition) =>
        DisabledReason(activation, definition) is { } reason ? activation with { Enabled = false, DisabledReason = reason } : activation;
}
