namespace LinkedAudiences.SiteBuilder.Tests.Infrastructure;

/// <summary>Paths in the repository the tests were built from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Module => Path.Combine(Root, "src", "Modules", "LinkedAudiences", "LinkedAudiences.csproj");

    /// <summary>The module and the libraries it references, each packed as its own package.</summary>
    public static IReadOnlyList<string> ModuleLibraries { get; } =
    [
        Path.Combine(Root, "src", "Modules", "LinkedAudiences.Core", "LinkedAudiences.Core.csproj"),
        Path.Combine(Root, "src", "Modules", "LinkedAudiences.Warehouses.DuckDb", "LinkedAudiences.Warehouses.DuckDb.csproj"),
        Path.Combine(Root, "src", "Modules", "LinkedAudiences.Warehouses.PostgreSql", "LinkedAudiences.Warehouses.PostgreSql.csproj"),
        Path.Combine(Root, "src", "Modules", "LinkedAudiences.Storage", "LinkedAudiences.Storage.csproj"),
    ];

    public static string PlainHost => Path.Combine(Root, "tests", "LinkedAudiences.SiteBuilder.Tests", "PlainHost");

    /// <summary>The offline Orchard Core feed beside the repository, or null where the public registry serves Orchard.</summary>
    public static string? OrchardFeed
    {
        get
        {
            var feed = Path.GetFullPath(Path.Combine(Root, "..", "shared", "orchard-feed"));
            return Directory.Exists(feed) ? feed : null;
        }
    }

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
