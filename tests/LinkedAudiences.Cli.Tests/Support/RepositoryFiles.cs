namespace LinkedAudiences.Cli.Tests.Support;

/// <summary>Files of the repository (the demo graph, the example audiences), found from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string DemoGraph => PathOf("docs/examples/demo.graph.json");

    public static string ExampleAudiences => PathOf("docs/examples/audiences");

    public static string ExampleAudience(string key) => Path.Combine(ExampleAudiences, key + ".json");

    /// <summary>Keys (file names without ".json") of every example audience.</summary>
    public static IReadOnlyList<string> ExampleAudienceKeys() =>
        [.. Directory.GetFiles(ExampleAudiences, "*.json").Select(Path.GetFileNameWithoutExtension).OrderBy(k => k, StringComparer.Ordinal)!];

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LinkedAudiences.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LinkedAudiences.sln not found above " + AppContext.BaseDirectory);
    }
}
