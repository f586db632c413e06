using LinkedAudiences.Models;
using OrchardCore.ContentManagement;
using YesSql.Indexes;

namespace LinkedAudiences.Indexes;

public sealed class ActivationIndexProvider : IndexProvider<ContentItem>
{
    public override void Describe(DescribeContext<ContentItem> context) =>
        context.For<ActivationIndex>()
            .When(item => item.Has<ActivationPart>())
            .Map(item =>
            {
                if (!item.Published && !item.Latest)
                {
                    return null!;
                }

                var part = item.GetOrCreate<ActivationPart>();
                return new ActivationIndex
                {
                    ContentItemId = item.ContentItemId,
                    AudienceKey = part.AudienceKey ?? string.Empty,
                    DestinationKind = part.DestinationKind ?? string.Empty,
                    Enabled = part.Enabled,
                    Published = item.Published,
                    Latest = item.Latest,
                };
            });
}
