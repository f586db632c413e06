using LinkedAudiences.Models;
using OrchardCore.ContentManagement;
using YesSql.Indexes;

namespace LinkedAudiences.Indexes;

public sealed class LinkedAudienceIndexProvider : IndexProvider<ContentItem>
{
    public override void Describe(DescribeContext<ContentItem> context) =>
        context.For<LinkedAudienceIndex>()
            .When(item => item.Has<LinkedAudiencePart>())
            .Map(item =>
            {
                if (!item.Published && !item.Latest)
                {
                    return null!;
                }

                var part = item.GetOrCreate<LinkedAudiencePart>();
                return new LinkedAudienceIndex
                {
                    ContentItemId = item.ContentItemId,
                    AudienceKey = part.Key ?? string.Empty,
                    GraphKey = part.GraphKey ?? string.Empty,
                    Enabled = part.Enabled,
                    ScheduleKind = ScheduleNames.Of(part.ScheduleKind),
                    NextRunAtUtc = part.NextRunAtUtc,
                    Status = part.Status.ToString(),
                    Folder = string.IsNullOrWhiteSpace(part.Folder) ? null : part.Folder,
                    Published = item.Published,
                    Latest = item.Latest,
                };
            });
}
