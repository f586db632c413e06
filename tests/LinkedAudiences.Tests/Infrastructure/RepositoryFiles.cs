namespace LinkedAudiences.Tests.Infrastructure;

/// <summary>The example documents under docs/examples, read from the repository the tests were built from.</summary>
public static class RepositoryFiles
{
    private static readonly string Root = FindRoot();

    public static string DemoGraph => Path.Combine(Root, "docs", "examples", "demo.graph.json");

    public static string Audiences => Path.Combine(Root, "docs", "examples", "audiences");

    public static string Audience(string key) => File.ReadAllText(Path.Combine(Audiences, key + ".json"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LinkedAudiences.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (LinkedAudiences.sln) is not above the test binaries.");
    }
}
