using LinkedAudiences.Core.Sql;

namespace LinkedAudiences.Warehouses.Tests.Support;

/// <summary>
/// The connectors only quote identifiers through their dialect, which the base class already does; the real
/// dialects (Core/Sql/Dialects) come with the compiler. Tests here need nothing more.
/// </summary>
internal sealed class TestDialect(string name) : SqlDialect
{
    public static TestDialect DuckDb { get; } = new("duckdb");

    public static TestDialect Postgres { get; } = new("postgres");

    public override string Name { get; } = name;
}
