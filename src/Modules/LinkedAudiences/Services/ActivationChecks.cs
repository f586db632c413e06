using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Templates;
using LinkedAudiences.Core.Validation;
using LinkedAudiences.Models;
using LinkedAudiences.Services.Activations;
using Microsoft.Extensions.Localization;
using OrchardCore.ContentManagement;
using ModuleTriggers = LinkedAudiences.Models.ActivationTriggers;

namespace LinkedAudiences.Services;

/// <summary>
/// What publishing an activation requires: a published audience, a known trigger and destination, and then the
/// engine's <see cref="ActivationValidator"/> against the audience's published definition and data graph (trigger
/// entity, enrichment, identifier, destination URL or table, secrets, policy, the mapping template).
/// </summary>
public sealed class ActivationChecks(LinkedAudiencesContent content, ITemplateRenderer templates, IStringLocalizer<ActivationChecks> localizer)
{
    private readonly IStringLocalizer S = localizer;

    public async Task<IReadOnlyList<FieldError>> CheckAsync(ContentItem item) =>
        [.. (await ProblemsAsync(item)).Select(p => new FieldError(p.Field, p.Message))];

    /// <summary>Each problem with the part field it belongs to and a stable rule code (the API answers them as they are).</summary>
    public async Task<IReadOnlyList<ActivationProblem>> ProblemsAsync(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var part = item.GetOrCreate<ActivationPart>();
        var problems = new List<ActivationProblem>();
        ContentItem? audience = null;
        if (string.IsNullOrWhiteSpace(part.AudienceKey))
        {
            problems.Add(new(nameof(ActivationPart.AudienceKey), ActivationRules.Required, S["Choose the audience to activate (its key)."]));
        }
        else if ((audience = await content.FindPublishedAudienceAsync(part.AudienceKey)) is null)
        {
            problems.Add(new(nameof(ActivationPart.AudienceKey), "unknown-audience", S["There is no published audience with the key '{0}'.", part.AudienceKey]));
        }

        if (ModuleTriggers.ToCore(part.Trigger) is null)
        {
            problems.Add(new(nameof(ActivationPart.Trigger), "unknown-trigger", S["The trigger must be one of {0}.", string.Join(", ", ModuleTriggers.All)]));
        }

        if (!DestinationKinds.All.Contains(part.DestinationKind, StringComparer.Ordinal))
        {
            problems.Add(new(nameof(ActivationPart.DestinationKind), "unknown-destination", S["The destination must be one of {0}.", string.Join(", ", DestinationKinds.All)]));
        }

        if (problems.Count > 0 || audience is null || ActivationMapper.ToActivation(item) is not { } activation)
        {
            return problems;
        }

        var audiencePart = audience.GetOrCreate<LinkedAudiencePart>();
        var definition = DefinitionReader.Read(audiencePart.Definition).Value;
        var graphItem = await content.FindPublishedGraphAsync(audiencePart.GraphKey);
        var graph = graphItem is null ? null : GraphReader.Read(graphItem.GetOrCreate<DataGraphPart>().Graph ?? string.Empty).Value;
        if (definition is null || graph is null)
        {
            problems.Add(new(nameof(ActivationPart.AudienceKey), "audience-unreadable", S["The audience '{0}' or its data graph '{1}' cannot be read.", part.AudienceKey, audiencePart.GraphKey]));
            return problems;
        }

        problems.AddRange(ActivationValidator.Validate(activation, definition, graph, templates).Select(e => new ActivationProblem(FieldOf(e.Path), e.Rule, e.Message)));
        return problems;
    }

    /// <summary>The editor field of an engine error path ("$.destination.url" → Url).</summary>
    public static string FieldOf(string path) => path switch
    {
        "$.audienceKey" or "$.key" => nameof(ActivationPart.AudienceKey),
        "$.triggerEntity" => nameof(ActivationPart.TriggerEntity),
        "$.sendExistingMembers" => nameof(ActivationPart.SendExistingMembers),
        "$.action" => nameof(ActivationPart.Action),
        "$.mapping" => nameof(ActivationPart.Mapping),
        "$.destination.url" => nameof(ActivationDestination.Url),
        "$.destination.table" => nameof(ActivationDestination.Table),
        "$.destination.protectedSecret" => "Secret",
        "$.destination.delivery" => nameof(ActivationDestination.BatchSize),
        _ when path.StartsWith("$.enrichment.traits", StringComparison.Ordinal) => nameof(ActivationPart.EnrichmentTraits),
        _ when path.StartsWith("$.enrichment.entities", StringComparison.Ordinal) => nameof(ActivationPart.EnrichmentEntities),
        _ when path.StartsWith("$.identifier", StringComparison.Ordinal) => nameof(ActivationPart.IdentifierTrait),
        _ => nameof(ActivationPart.DestinationKind),
    };
}

/// <summary>One reason an activation cannot be published: the editor field, the rule code, the message.</summary>
public sealed record ActivationProblem(string Field, string Rule, string Message);
