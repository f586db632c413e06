namespace LinkedAudiences.Core.Sql.Dialects;

/// <summary>The dialects by their <see cref="SqlDialect.Name"/> (command line, configuration).</summary>
public static class SqlDialects
{
    public static IReadOnlyList<SqlDialect> All { get; } = [DuckDbDialect.Instance, PostgreSqlDialect.Instance, SnowflakeDialect.Instance];

    public static SqlDialect Get(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown SQL dialect '{name}'; known: {string.Join(", ", All.Select(d => d.Name))}.", nameof(name));
}
