namespace LinkedAudiences.Warehouses.PostgreSql.Tests.Support;

/// <summary>The PostgreSQL server the tests use: its connection string comes from LA_TEST_POSTGRES, and without it they fail.</summary>
internal static class PostgresTestServer
{
    public const string Variable = "LA_TEST_POSTGRES";

    public static string ConnectionString => Require(Environment.GetEnvironmentVariable(Variable));

    public static string Require(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"{Variable} is not set. These tests need a PostgreSQL server: run `export {Variable}=$(scripts/start-postgres.sh)` from the repository root, then run the tests again.")
            : value;
}
