using System.Globalization;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Templates;
using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Activations;

/// <summary>
/// Checks an activation against its audience's definition and data graph. Paths are JSONPaths into the activation
/// (camelCase, as it is saved), rules are <see cref="ActivationRules"/> codes.
/// </summary>
public static class ActivationValidator
{
    public static IReadOnlyList<ValidationError> Validate(Activation activation, AudienceDefinition definition, DataGraph graph, ITemplateRenderer? templates = null)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(graph);
        var errors = new List<ValidationError>();
        void Add(string path, string rule, string message) => errors.Add(new ValidationError(path, rule, message));

        if (string.IsNullOrWhiteSpace(activation.Key))
        {
            Add("$.key", ActivationRules.Required, "The activation needs a key.");
        }

        if (string.IsNullOrWhiteSpace(activation.AudienceKey))
        {
            Add("$.audienceKey", ActivationRules.Required, "The activation needs an audience.");
        }

        var branches = DefinitionBranches.Entities(definition);
        CheckTrigger(activation, branches, Add);
        CheckEnrichment(activation.Enrichment, graph, branches, Add);
        CheckIdentifier(activation.Identifier, graph, Add);
        CheckDestination(activation.Destination, Add);
        if (activation.Action is { } action && action is not (ActivationTriggers.Track or ActivationTriggers.Identify))
        {
            Add("$.action", ActivationRules.InvalidAction, $"The action '{action}' is not one of track, identify.");
        }

        if (activation.Mapping is { } mapping && templates is not null && templates.Parse(mapping).Error is { } error)
        {
            Add("$.mapping", ActivationRules.InvalidTemplate, $"The mapping template does not parse: {error}");
        }

        return errors;
    }

    private static void CheckTrigger(Activation activation, IReadOnlySet<string> branches, Action<string, string, string> add)
    {
        if (ActivationTriggers.IsEntityTrigger(activation.Trigger))
        {
            if (string.IsNullOrWhiteSpace(activation.TriggerEntity))
            {
                add("$.triggerEntity", ActivationRules.TriggerEntityRequired, $"The trigger {activation.Trigger} needs an entity of the definition.");
            }
            else if (!branches.Contains(activation.TriggerEntity))
            {
                add("$.triggerEntity", ActivationRules.TriggerEntityNotInDefinition,
                    $"The trigger entity '{activation.TriggerEntity}' is not an entity the audience definition matches ({Names(branches)}).");
            }
        }
        else if (activation.TriggerEntity is not null)
        {
            add("$.triggerEntity", ActivationRules.TriggerEntityNotAllowed, $"The trigger {activation.Trigger} takes no entity.");
        }

        if (activation.SendExistingMembers && !ActivationTriggers.AllowsSendExisting(activation.Trigger))
        {
            add("$.sendExistingMembers", ActivationRules.SendExistingNotAllowed,
                $"Sending events for current members is only available for ProfileEntered, EntityEntered and MembershipChanged, not {activation.Trigger}.");
        }
    }

    private static void CheckEnrichment(ActivationEnrichment enrichment, DataGraph graph, IReadOnlySet<string> branches, Action<string, string, string> add)
    {
        for (var i = 0; i < enrichment.Traits.Count; i++)
        {
            if (graph.FindTrait(enrichment.Traits[i]) is null)
            {
                add(Invariant($"$.enrichment.traits[{i}]"), ActivationRules.UnknownTrait, $"The trait '{enrichment.Traits[i]}' is not in the data graph.");
            }
        }

        for (var i = 0; i < enrichment.Entities.Count; i++)
        {
            var wanted = enrichment.Entities[i];
            var path = Invariant($"$.enrichment.entities[{i}]");
            var entity = graph.FindEntity(wanted.Entity);
            if (entity is null)
            {
                add(path + ".entity", ActivationRules.UnknownEntity, $"The entity '{wanted.Entity}' is not in the data graph.");
                continue;
            }

            if (!branches.Contains(entity.Name))
            {
                add(path + ".entity", ActivationRules.EntityNotInDefinition, $"The entity '{wanted.Entity}' is not matched by the audience definition ({Names(branches)}).");
            }

            for (var j = 0; j < wanted.Columns.Count; j++)
            {
                if (entity.FindColumn(wanted.Columns[j]) is null)
                {
                    add(Invariant($"{path}.columns[{j}]"), ActivationRules.UnknownColumn, $"'{wanted.Columns[j]}' is not a column of entity '{entity.Name}'.");
                }
            }
        }
    }

    private static void CheckIdentifier(IdentifierStrategy identifier, DataGraph graph, Action<string, string, string> add)
    {
        if (identifier.Source == IdentifierSource.Trait && (identifier.Trait is null || graph.FindTrait(identifier.Trait) is null))
        {
            add("$.identifier.trait", ActivationRules.IdentifierTrait, $"The identifier trait '{identifier.Trait}' is not in the data graph.");
        }
    }

    private static void CheckDestination(DestinationSettings destination, Action<string, string, string> add)
    {
        if (destination.Kind == DestinationKind.Warehouse)
        {
            if (string.IsNullOrWhiteSpace(destination.Table))
            {
                add("$.destination.table", ActivationRules.Required, "Warehouse write-back needs a table.");
            }
        }
        else if (!Uri.TryCreate(destination.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            add("$.destination.url", ActivationRules.InvalidUrl, $"'{destination.Url}' is not an absolute http or https URL.");
        }

        if (destination.Kind == DestinationKind.Segment && destination.ProtectedSecret is null)
        {
            add("$.destination.protectedSecret", ActivationRules.Required, "The tracking API needs a write key.");
        }

        var policy = destination.Delivery;
        if (policy.BatchSize < 1 || policy.MaxConcurrency < 1 || policy.MaxAttempts < 1 || policy.RatePerSecond is <= 0
            || policy.Timeout <= TimeSpan.Zero || policy.InitialBackoff < TimeSpan.Zero || policy.MaxBackoff < policy.InitialBackoff)
        {
            add("$.destination.delivery", ActivationRules.InvalidPolicy,
                "Batch size, concurrency, attempts and rate must be positive, the timeout too, and the maximum backoff at least the initial one.");
        }
    }

    private static string Names(IReadOnlySet<string> names) =>
        names.Count == 0 ? "none" : string.Join(", ", names.Order(StringComparer.Ordinal));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
