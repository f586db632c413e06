using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Validation;

/// <summary>
/// Checks an audience definition against a data graph and the audience catalogue: every name resolves, every
/// comparison is allowed for its type, references are in scope, counts, windows and aggregates are sound, entity
/// targets are reachable, and part-of-audience references neither dangle nor loop. Reports every error; never throws
/// for bad input.
/// </summary>
public static class AudienceValidator
{
    /// <summary>The deepest entity branch, counting the profile as level 1 (profile → account → credit card → transaction is 4).</summary>
    public const int MaxDepth = 6;

    /// <param name="audienceKey">The key the definition is (or will be) saved under, so that references back to it are cycles; null for a new, unsaved audience.</param>
    public static async Task<ValidationResult> ValidateAsync(
        DataGraph graph,
        AudienceDefinition definition,
        IAudienceCatalog catalog,
        string? audienceKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(catalog);

        var errors = new ValidationErrorList();
        var index = new GraphIndex(graph);
        var root = JsonPaths.Root;

        if (definition.SchemaVersion != AudienceDefinition.CurrentSchemaVersion)
        {
            var e = JsonDocumentReader.UnsupportedVersion(definition.SchemaVersion, "audience definition", AudienceDefinition.CurrentSchemaVersion);
            errors.Add(e.Path, e.Rule, e.Message);
        }

        var target = CheckTarget(index, definition.Target ?? AudienceTarget.Profiles, root.Prop("target"), errors);
        var references = new AudienceReferenceRules(catalog, audienceKey);
        var groups = definition.Groups ?? [];
        if (groups.Count == 0)
        {
            errors.Add(root.Prop("groups"), ValidationRules.NoGroups, "The audience has no condition groups; add at least one condition.");
        }

        for (var g = 0; g < groups.Count; g++)
        {
            var groupPath = root.Prop("groups").At(g);
            if (groups[g] is not { } group)
            {
                errors.Add(groupPath, ValidationRules.MissingValue, "A condition group cannot be null.");
                continue;
            }

            var conditions = group.Conditions ?? [];
            if (conditions.Count == 0)
            {
                errors.Add(groupPath.Prop("conditions"), ValidationRules.EmptyGroup, "This condition group has no conditions; add one or remove the group.");
            }
            else if (target is not null)
            {
                EntityTargetRules.Check(group, groupPath, target, errors);
            }

            for (var c = 0; c < conditions.Count; c++)
            {
                var path = groupPath.Prop("conditions").At(c);
                switch (conditions[c])
                {
                    case EntityCondition entity:
                        EntityConditionRules.Check(index, errors, entity, path, DataGraph.ProfileNode, [], depth: 2);
                        break;
                    case TraitCondition trait:
                        TraitConditionRules.Check(index, errors, trait, path);
                        break;
                    case EventCondition @event:
                        EventConditionRules.Check(index, errors, @event, path);
                        break;
                    case AudienceCondition audience:
                        if (target is not null || definition.Target?.Type == TargetType.Entity)
                        {
                            errors.Add(path, ValidationRules.PartOfAudienceEntityTarget,
                                "Part of audience conditions cannot be used when the audience targets entities; they filter profiles only.");
                        }

                        await references.CheckAsync(audience, path, errors, cancellationToken);
                        break;
                    default:
                        errors.Add(path, ValidationRules.MissingValue, "A condition cannot be null.");
                        break;
                }
            }
        }

        return errors.ToResult();
    }

    /// <returns>The target entity's name for a valid entity target; null for profiles or an invalid target.</returns>
    private static string? CheckTarget(GraphIndex graph, AudienceTarget target, string path, ValidationErrorList errors)
    {
        if (target.Type == TargetType.Profile)
        {
            if (!string.IsNullOrEmpty(target.Entity))
            {
                errors.Add(path.Prop("entity"), ValidationRules.InvalidTarget,
                    $"A profile target takes no entity; set 'type' to 'entity' to target '{target.Entity}'.");
            }

            return null;
        }

        if (string.IsNullOrEmpty(target.Entity))
        {
            errors.Add(path.Prop("entity"), ValidationRules.InvalidTarget, "An entity target must name its entity ('entity').");
            return null;
        }

        if (graph.Entity(target.Entity) is null)
        {
            errors.Add(path.Prop("entity"), ValidationRules.UnknownEntity, $"The target entity '{target.Entity}' does not exist in the data graph.");
            return null;
        }

        return target.Entity;
    }
}
