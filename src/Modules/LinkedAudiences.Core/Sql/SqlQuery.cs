namespace LinkedAudiences.Core.Sql;

/// <summary>
/// SQL text with its parameters in placeholder order. Every dialect binds parameters by position
/// ($1..$n on DuckDB and PostgreSQL, ? on Snowflake), so <see cref="Parameters"/>[i] is placeholder i+1.
/// </summary>
public sealed record SqlQuery(string Sql, IReadOnlyList<SqlParameter> Parameters)
{
    public static SqlQuery Text(string sql) => new(sql, []);
}

/// <summary>A bound value: decimal, long, string, bool, DateOnly, TimeOnly, DateTime (Kind Unspecified, UTC) or null.</summary>
public sealed record SqlParameter(string Name, object? Value);
