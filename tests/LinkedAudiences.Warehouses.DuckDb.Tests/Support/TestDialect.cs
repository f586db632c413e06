using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;

namespace LinkedAudiences.Warehouses.Tests.Support;

/// <summary>The real dialects, under the names the connector tests use.</summary>
internal static class TestDialect
{
    public static SqlDialect DuckDb => DuckDbDialect.Instance;

    public static SqlDialect Postgres => PostgreSqlDialect.Instance;
}
