namespace LinkedAudiences.Warehouses.Tests.Support;

internal static class RepositoryFiles
{
    /// <summary>The repository root: the nearest folder above the test binaries holding LinkedAudiences.sln.</summary>
    public static string Root { get; } = FindRoot();

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
