using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Serialization;

namespace LinkedAudiences.Core.Tests.Validation;

/// <summary>The demo world's data graph (the engine's own <see cref="Demo.DemoGraph"/>) and its JSON, for the readers' tests.</summary>
internal static class DemoGraph
{
    public static string Json { get; } = LinkedAudiencesJson.Serialize(Graph);

    public static DataGraph Graph => Demo.DemoGraph.Graph;
}
