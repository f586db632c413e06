namespace LinkedAudiences.Models;

/// <summary>The content types the module's migration creates.</summary>
public static class ContentTypes
{
    public const string DataGraph = "DataGraph";
    public const string LinkedAudience = "LinkedAudience";
    public const string Activation = "Activation";

    public static IReadOnlyList<string> All { get; } = [DataGraph, LinkedAudience, Activation];
}
