namespace LinkedAudiences.BrowserTests.Infrastructure;

/// <summary>Files of the repository the tests were built from (examples to compare with, the README's screenshots).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string DemoGraph => File.ReadAllText(Path.Combine(Root, "docs", "examples", "demo.graph.json"));

    public static string Audience(string key) => File.ReadAllText(Path.Combine(Root, "docs", "examples", "audiences", key + ".json"));

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
