namespace LinkedAudiences.Storage.Tests.Support;

/// <summary>The PostgreSQL server the tests use: its connection string comes from LA_TEST_POSTGRES, and without it they fail.</summary>
internal static class PostgresTestServer
{
    public const string Variable = "LA_TEST_POSTGRES";

    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            return string.IsNullOrWhiteSpace(value)
                ? throw new InvalidOperationException(
                    $"{Variable} is not set. The state store tests need a PostgreSQL server: run `export {Variable}=$(scripts/start-postgres.sh)` from the repository root (or the whole suite with `bash scripts/test.sh`), then run the tests again.")
                : value;
        }
    }
}
