using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Serialization;

namespace LinkedAudiences.Core.Tests.Sql;

/// <summary>The demo world's data graph (the engine's own <see cref="Demo.DemoGraph"/>), its as-of, and a reader for definitions written as JSON.</summary>
internal static class DemoGraph
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static DataGraph Graph => Demo.DemoGraph.Graph;

    public static AudienceDefinition Audience(string json) => LinkedAudiencesJson.ParseAudience(json);
}
