using LinkedAudiences.Models;
using OrchardCore.ContentManagement;
using YesSql.Indexes;

namespace LinkedAudiences.Indexes;

public sealed class DataGraphIndexProvider : IndexProvider<ContentItem>
{
    public override void Describe(DescribeContext<ContentItem> context) =>
        context.For<DataGraphIndex>()
            .When(item => item.Has<DataGraphPart>())
            .Map(item =>
            {
                // Versions that are neither published nor latest are history; only the live ones are looked up.
                if (!item.Published && !item.Latest)
                {
                    return null!;
                }

                var part = item.GetOrCreate<DataGraphPart>();
                return new DataGraphIndex
                {
                    ContentItemId = item.ContentItemId,
                    GraphKey = part.Key ?? string.Empty,
                    Published = item.Published,
                    Latest = item.Latest,
                };
            });
}
