namespace LinkedAudiences.Benchmarks;

/// <summary>Files of the repository, found from the benchmark's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string ExampleAudiences => Path.Combine(Root, "docs", "examples", "audiences");

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
