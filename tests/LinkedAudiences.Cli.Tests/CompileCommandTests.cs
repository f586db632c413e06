using LinkedAudiences.Cli.Tests.Support;

namespace LinkedAudiences.Cli.Tests;

public sealed class CompileCommandTests
{
    private static readonly string Brokers = RepositoryFiles.ExampleAudience("agg-brokers-sold-over-5m-in-12-months");

    [Fact]
    public async Task Compile_DuckDb_PrintsAsOfParametersAndTheSql()
    {
        var result = await CommandLine.RunAsync("compile", "--graph", RepositoryFiles.DemoGraph, "--audience", Brokers, "--dialect", "duckdb", "--as-of", CommandLine.AsOf);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
        Assert.Equal(
            """
            -- as of 2026-11-01T00:00:00.0000000+00:00
            -- 1: 'broker'
            -- 2: 2025-11-01 00:00:00
            -- 3: 2026-11-01 00:00:00
            -- 4: 5000000
            SELECT DISTINCT CAST(p."profile_id" AS VARCHAR) AS member_key
            FROM "profiles" AS p
            WHERE (p."role" = $1
               AND p."profile_id" IN (
                 SELECT e1."profile_id"
                 FROM "sales" AS e1
                 WHERE e1."profile_id" IS NOT NULL
                   AND e1."sold_at" >= $2
                   AND e1."sold_at" <= $3
                 GROUP BY e1."profile_id"
                 HAVING SUM(e1."amount") > CAST($4 AS DECIMAL(38, 10))
               ))

            """,
            result.Stdout);
    }

    [Theory]
    [InlineData("duckdb", "$4", "CAST($4 AS DECIMAL(38, 10))")]
    [InlineData("postgres", "$4", "CAST($4 AS NUMERIC)")]
    [InlineData("snowflake", "?", "CAST(? AS NUMBER(38, 10))")]
    public async Task Compile_EachDialect_SameParametersWithItsPlaceholdersAndTypes(string dialect, string lastPlaceholder, string decimalCast)
    {
        var result = await CommandLine.RunAsync("compile", "--graph", RepositoryFiles.DemoGraph, "--audience", Brokers, "--dialect", dialect, "--as-of", CommandLine.AsOf);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["-- as of 2026-11-01T00:00:00.0000000+00:00", "-- 1: 'broker'", "-- 2: 2025-11-01 00:00:00", "-- 3: 2026-11-01 00:00:00", "-- 4: 5000000"],
            result.StdoutLines.Take(5));
        var sql = string.Join("\n", result.StdoutLines.Skip(5));
        Assert.StartsWith("SELECT DISTINCT CAST(p.\"profile_id\" AS VARCHAR) AS member_key", sql, StringComparison.Ordinal);
        Assert.Contains("HAVING SUM(e1.\"amount\") > " + decimalCast, sql, StringComparison.Ordinal);
        Assert.Contains("p.\"role\" = " + (lastPlaceholder == "?" ? "?" : "$1"), sql, StringComparison.Ordinal);
        Assert.Equal(lastPlaceholder == "?", !sql.Contains('$', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compile_CountQuery_WrapsTheMembers()
    {
        var result = await CommandLine.RunAsync("compile", "--graph", RepositoryFiles.DemoGraph,
            "--audience", RepositoryFiles.ExampleAudience("uc1-outstanding-credit-card"), "--query", "count", "--as-of", CommandLine.AsOf);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("-- 1: 'Outstanding'", result.StdoutLines[1]);
        Assert.Equal("SELECT COUNT(*) AS member_count", result.StdoutLines[2]);
        Assert.Contains("AND e2.\"balance_status\" = $1", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compile_MatchedQuery_SelectsTheMatchedEntityColumns()
    {
        var result = await CommandLine.RunAsync("compile", "--graph", RepositoryFiles.DemoGraph,
            "--audience", RepositoryFiles.ExampleAudience("uc1-outstanding-credit-card"), "--query", "matched", "--as-of", CommandLine.AsOf);

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var column in new[] { "member_key", "branch", "depth", "entity", "entity_key", "parent_key" })
        {
            Assert.Contains(column, result.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("'0.0.0'", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compile_WithoutAsOf_UsesTheClock()
    {
        var result = await CommandLine.RunAsync("compile", "--graph", RepositoryFiles.DemoGraph, "--audience", Brokers);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("-- as of 2026-11-02T00:00:00.0000000+00:00", result.StdoutLines[0]);
        Assert.Equal("-- 2: 2025-11-02 00:00:00", result.StdoutLines[2]);
        Assert.Equal("-- 3: 2026-11-02 00:00:00", result.StdoutLines[3]);
    }

    [Fact]
    public async Task Compile_ImportedAudience_ReadFromTheAudienceFolder()
    {
        var result = await CommandLine.RunAsync("compile", "--graph", RepositoryFiles.DemoGraph,
            "--audience", RepositoryFiles.ExampleAudience("uc2-cat-owners-platinum"), "--dialect", "postgres", "--as-of", CommandLine.AsOf);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("-- 1: 'Cat'", result.StdoutLines);
        Assert.Contains("'platinum'", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"household_members\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compile_UnknownDialect_ExitsTwoNamingTheValue()
    {
        var result = await CommandLine.RunAsync("compile", "--graph", RepositoryFiles.DemoGraph, "--audience", Brokers, "--dialect", "oracle");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Contains("'oracle'", result.Stderr, StringComparison.Ordinal);
    }
}
