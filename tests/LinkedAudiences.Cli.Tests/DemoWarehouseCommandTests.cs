using LinkedAudiences.Cli.Tests.Support;

namespace LinkedAudiences.Cli.Tests;

public sealed class DemoWarehouseCommandTests
{
    [Fact]
    public async Task DemoWarehouse_NewFile_WritesTheProfilesAndSaysWhere()
    {
        using var folder = new TempFolder();
        var file = folder.File("demo.duckdb");

        var result = await CommandLine.RunAsync("demo-warehouse", "--profiles", "300", "--out", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
        var line = Assert.Single(result.StdoutLines);
        Assert.StartsWith($"Demo warehouse with 300 profiles (seed 42, anchor 2026-11-01T00:00:00.0000000+00:00) written to duckdb:{file} in ", line, StringComparison.Ordinal);
        Assert.Equal(300, await DuckDbFiles.ScalarAsync(file, "SELECT COUNT(*) FROM profiles"));
        Assert.True(await DuckDbFiles.ScalarAsync(file, "SELECT COUNT(*) FROM transactions") > 300);
    }

    [Fact]
    public async Task DemoWarehouse_ExistingFileWithoutForce_RefusesAndLeavesItAlone()
    {
        using var folder = new TempFolder();
        var file = folder.File("demo.duckdb");
        Assert.Equal(0, (await CommandLine.RunAsync("demo-warehouse", "--profiles", "300", "--out", file)).ExitCode);
        var before = File.ReadAllBytes(file);

        var result = await CommandLine.RunAsync("demo-warehouse", "--profiles", "20", "--out", file);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal($"--out: '{file}' exists; pass --force to replace it.", Assert.Single(result.StderrLines));
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.Equal(300, await DuckDbFiles.ScalarAsync(file, "SELECT COUNT(*) FROM profiles"));
    }

    [Fact]
    public async Task DemoWarehouse_ExistingFileWithForce_ReplacesIt()
    {
        using var folder = new TempFolder();
        var file = folder.File("demo.duckdb");
        Assert.Equal(0, (await CommandLine.RunAsync("demo-warehouse", "--profiles", "300", "--out", file)).ExitCode);

        var result = await CommandLine.RunAsync("demo-warehouse", "--profiles", "20", "--seed", "7", "--out", file, "--force");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Demo warehouse with 20 profiles (seed 7,", Assert.Single(result.StdoutLines), StringComparison.Ordinal);
        Assert.Equal(20, await DuckDbFiles.ScalarAsync(file, "SELECT COUNT(*) FROM profiles"));
    }

    [Fact]
    public async Task DemoWarehouse_NeitherOutNorWarehouse_ExitsWithUsage()
    {
        var result = await CommandLine.RunAsync("demo-warehouse", "--profiles", "10");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Contains("--out FILE", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoWarehouse_ProfilesOutOfRange_ExitsWithUsageNamingTheOption()
    {
        using var folder = new TempFolder();

        var result = await CommandLine.RunAsync("demo-warehouse", "--profiles", "0", "--out", folder.File("x.duckdb"));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Contains("--profiles", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("x.duckdb")));
    }
}
