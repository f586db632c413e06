using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Tests.Oracle;

/// <summary>The demo world's data graph (the engine's own <see cref="Demo.DemoGraph"/>) at the demo anchor.</summary>
internal static class OracleTestGraph
{
    public static readonly DateTimeOffset Anchor = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static DataGraph Graph => Demo.DemoGraph.Graph;
}
