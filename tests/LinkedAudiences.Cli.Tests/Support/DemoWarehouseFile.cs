using System.Globalization;

namespace LinkedAudiences.Cli.Tests.Support;

/// <summary>
/// A demo warehouse written once per test class by the demo-warehouse verb; tests that run audiences (which write
/// snapshots into it) work on their own copy.
/// </summary>
public sealed class DemoWarehouseFile : IAsyncLifetime
{
    public const int Profiles = 300;

    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "la-cli-demo-file-" + Guid.NewGuid().ToString("N")[..12]);

    public string Path => System.IO.Path.Combine(_folder, "demo.duckdb");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var created = await CommandLine.RunAsync("demo-warehouse", "--profiles", Profiles.ToString(CultureInfo.InvariantCulture), "--out", Path);
        if (created.ExitCode != 0)
        {
            throw new InvalidOperationException("demo-warehouse failed: " + created);
        }
    }

    /// <summary>A folder of the test's own with a copy of the warehouse as w.duckdb (the layout of <see cref="CrashWorld"/>).</summary>
    public TempFolder CopyToNewFolder()
    {
        var folder = new TempFolder();
        File.Copy(Path, CrashWorld.WarehouseOf(folder.Path));
        return folder;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
