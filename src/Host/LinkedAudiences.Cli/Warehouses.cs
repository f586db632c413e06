using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Warehouses.DuckDb;
using LinkedAudiences.Warehouses.PostgreSql;

namespace LinkedAudiences.Cli;

/// <summary>Opens the connector named by --warehouse (duckdb:PATH or postgres:CONNECTION-STRING).</summary>
internal static class Warehouses
{
    public static async Task<IWarehouse> OpenAsync(string location, CancellationToken cancellationToken, bool create = false)
    {
        if (!WarehouseLocation.TryParse(location, out var parsed))
        {
            throw new CliException(ExitCodes.Usage, $"--warehouse: '{location}' is not duckdb:PATH or postgres:CONNECTION-STRING.");
        }

        switch (parsed.Kind)
        {
            case WarehouseLocation.DuckDb:
                if (!create && parsed.Value != ":memory:" && !File.Exists(parsed.Value))
                {
                    throw new CliException(ExitCodes.Usage, $"--warehouse: the DuckDB file '{parsed.Value}' does not exist (create one with demo-warehouse).");
                }

                return await DuckDbWarehouse.OpenAsync(parsed.Value, DuckDbDialect.Instance, cancellationToken);
            case WarehouseLocation.Postgres:
                return await PostgreSqlWarehouse.OpenAsync(parsed.Value, PostgreSqlDialect.Instance, schema: null, cancellationToken);
            default:
                throw new CliException(ExitCodes.Usage, $"--warehouse: unknown kind '{parsed.Kind}'.");
        }
    }

    public static SqlDialect Dialect(string name) => name switch
    {
        "duckdb" => DuckDbDialect.Instance,
        "postgres" => PostgreSqlDialect.Instance,
        "snowflake" => SnowflakeDialect.Instance,
        _ => throw new CliException(ExitCodes.Usage, $"--dialect: '{name}' is not one of duckdb, postgres, snowflake."),
    };
}
