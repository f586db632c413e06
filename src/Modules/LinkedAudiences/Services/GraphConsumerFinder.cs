using LinkedAudiences.Models;
using OrchardCore.ContentManagement;

namespace LinkedAudiences.Services;

/// <summary>Who depends on a data graph: the audiences built on it.</summary>
public sealed class GraphConsumerFinder(LinkedAudiencesContent content)
{
    public async Task<IReadOnlyList<string>> FindAsync(ContentItem graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var key = graph.GetOrCreate<DataGraphPart>().PublishedKey;
        if (string.IsNullOrEmpty(key))
        {
            return [];
        }

        return [.. (await content.ListAudiencesOnGraphAsync(key))
            .Select(a => "audience " + LinkedAudiencesContent.Describe(a, LinkedAudiencesContent.KeyOf(a)))
            .Order(StringComparer.Ordinal)];
    }
}
