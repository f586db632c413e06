namespace LinkedAudiences.Core.Tests.Validation;

/// <summary>Finds files of the repository (schemas, examples) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "LinkedAudiences.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No LinkedAudiences.sln above {AppContext.BaseDirectory}.");
    }
}
