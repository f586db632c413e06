using System.Text.Json.Nodes;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Validation;
using LinkedAudiences.Models;
using OrchardCore.ContentManagement;

namespace LinkedAudiences.Services.Activations;

/// <summary>
/// What the activation editor offers as lists, per published audience: its graph's traits, and the entities its
/// definition's branches match with their columns (the trigger entities and the entity enrichment choices). One JSON
/// document embedded in the page; the editor's text fields stay what is posted.
/// </summary>
public sealed class ActivationEditorContextSource(LinkedAudiencesContent content)
{
    public async Task<string> BuildAsync()
    {
        var audiences = new JsonObject();
        foreach (var item in await content.ListAudiencesAsync(string.Empty))
        {
            if (!item.Published)
            {
                continue;
            }

            var part = item.GetOrCreate<LinkedAudiencePart>();
            var definition = DefinitionReader.Read(part.Definition ?? string.Empty).Value;
            var graphItem = string.IsNullOrEmpty(part.GraphKey) ? null : await content.FindPublishedGraphAsync(part.GraphKey);
            var graph = graphItem is null ? null : GraphReader.Read(graphItem.GetOrCreate<DataGraphPart>().Graph ?? string.Empty).Value;
            if (string.IsNullOrEmpty(part.Key) || definition is null || graph is null)
            {
                continue;
            }

            var entities = new JsonObject();
            foreach (var name in EntitiesOf(definition).Distinct(StringComparer.Ordinal))
            {
                if (graph.FindEntity(name) is { } entity)
                {
                    entities[name] = new JsonArray([.. entity.Columns.Select(c => (JsonNode?)JsonValue.Create(c.Name))]);
                }
            }

            audiences[part.Key] = new JsonObject
            {
                ["title"] = item.DisplayText ?? part.Key,
                ["traits"] = new JsonArray([.. graph.Profile.Traits.Select(t => (JsonNode?)new JsonObject { ["name"] = t.Name, ["type"] = t.Type.ToString().ToUpperInvariant() })]),
                ["entities"] = entities,
            };
        }

        // The default encoder escapes '<' and '>', so the document cannot close the <script> element it is rendered in.
        return new JsonObject { ["audiences"] = audiences }.ToJsonString();
    }

    /// <summary>Every entity a branch of the definition matches, depth first (negated ones too: they name entities of the graph).</summary>
    private static IEnumerable<string> EntitiesOf(AudienceDefinition definition)
    {
        static IEnumerable<string> Walk(EntityCondition condition) =>
            condition.Conditions.SelectMany(Walk).Prepend(condition.Entity);

        return definition.Groups.SelectMany(g => g.Conditions).OfType<EntityCondition>().SelectMany(Walk);
    }
}
